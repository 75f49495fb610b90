// The one print path: the font fetched once, one PDF per button whose URL is revoked when replaced or
// closed, the print recorded once where that printout has always been recorded, and how a device prints.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../result';
import { deleteDataDb, table, type WriteContext } from '../store';
import { audit, type AuditEntry } from '../store/audit';
import type { CurrentOutage, TimelineEvent } from '../outage/model';
import { outageRepo } from '../outage/repo';
import {
  isIOS,
  printFont,
  Printer,
  printsInNewTab,
  recordPrint,
  type MakePrintout,
  type PrintEnvironment,
  type PrintPlace,
  type Printout
} from './print-output';

const loadFontBytes = vi.hoisted(() => vi.fn());
vi.mock('./font-browser', () => ({ loadFontBytes }));

const desktop: PrintEnvironment = {
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36',
  platform: 'Linux x86_64',
  maxTouchPoints: 0,
  standalone: undefined,
  displayStandalone: false
};

describe('print mode', () => {
  it('prints the frame in a desktop browser', () => {
    expect(printsInNewTab(desktop)).toBe(false);
    expect(printsInNewTab({ ...desktop, platform: 'MacIntel' })).toBe(false);
  });

  it('opens a tab on an iPad (which says it is a Mac), an iPhone and Android', () => {
    const ipad = {
      ...desktop,
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15',
      platform: 'MacIntel',
      maxTouchPoints: 5
    };
    expect(isIOS(ipad)).toBe(true);
    expect(printsInNewTab(ipad)).toBe(true);
    expect(
      printsInNewTab({ ...desktop, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' })
    ).toBe(true);
    expect(
      printsInNewTab({ ...desktop, userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/140.0 Mobile' })
    ).toBe(true);
  });

  it('opens a tab in an installed app', () => {
    expect(printsInNewTab({ ...desktop, standalone: true })).toBe(true);
    expect(printsInNewTab({ ...desktop, displayStandalone: true })).toBe(true);
  });
});

describe('the print font', () => {
  it('is fetched once for the page, and fetched again after a failure', async () => {
    const font = new Uint8Array([0, 1, 0, 0]);
    loadFontBytes.mockResolvedValueOnce(
      fail({ key: 'paper.error.fontLoad', values: { detail: 'HTTP 404' } })
    );
    loadFontBytes.mockResolvedValueOnce(ok(font));
    expect(await printFont()).toEqual(fail({ key: 'paper.error.fontLoad', values: { detail: 'HTTP 404' } }));
    const first = await printFont();
    const again = await printFont();
    expect(first).toEqual(ok(font));
    // The very same bytes, so the engine's conversion of them is reused.
    expect(first.ok && again.ok && first.value === again.value).toBe(true);
    expect(loadFontBytes).toHaveBeenCalledTimes(2);
  });
});

let ids = 0;
const ctx = (now = new Date('2025-11-15T01:00:00.000Z')): WriteContext => ({
  actor: { staffId: 's1', staffName: '受付 花子', deviceLabel: 'A' },
  now,
  newId: () => `id-${++ids}`
});
const outage = { id: 'sess-first', own: { id: 'sess-A' } } as CurrentOutage;
const place = (current: CurrentOutage | null = outage): PrintPlace => ({
  outage: current,
  writeContext: ctx
});
const fontOk = async () => ok(new Uint8Array([0, 1, 0, 0]));

function printout(over: Partial<Printout> = {}): Printout {
  return {
    pdf: { bytes: new TextEncoder().encode('%PDF-1.3'), pageCount: 2, missingChars: ['𠮷'] },
    file: { kind: 'depositSlip', date: '2025-11-15T10:05', serial: 'A-0003', drill: false },
    ...over
  };
}
const making =
  (p: Printout | null = printout()): MakePrintout =>
  async () =>
    ok(p);

const events = () => table<TimelineEvent>('events').toArray();

describe('Printer', () => {
  let created: string[];
  let revoked: string[];
  beforeEach(() => {
    created = [];
    revoked = [];
    let n = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      const url = `blob:test/${++n}`;
      created.push(url);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => void revoked.push(url));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await deleteDataDb();
  });

  it('hands the PDF over as a blob URL under its file name', async () => {
    const printer = new Printer(place(), fontOk);
    const made = await printer.print(making());
    expect(made).toEqual(
      ok({
        handout: {
          url: 'blob:test/1',
          fileName: '2025-11-15_預り証_A-0003.pdf',
          pageCount: 2,
          missingChars: ['𠮷']
        },
        warnings: []
      })
    );
    expect(printer.handout?.url).toBe('blob:test/1');
  });

  it('revokes the URL when the next PDF replaces it and when it is closed', async () => {
    const printer = new Printer(place(), fontOk);
    await printer.print(making());
    expect(revoked).toEqual([]);
    await printer.print(making());
    expect(revoked).toEqual(['blob:test/1']);
    expect(printer.handout?.url).toBe('blob:test/2');
    printer.close();
    printer.close();
    expect(revoked).toEqual(['blob:test/1', 'blob:test/2']);
    expect(printer.handout).toBeNull();
  });

  it('lets the old PDF go even when the next one fails', async () => {
    const printer = new Printer(place(), fontOk);
    await printer.print(making());
    const failed = await printer.print(async () => fail({ key: 'paper.pack.error.check' }));
    expect(failed).toEqual(fail({ key: 'paper.pack.error.check' }));
    expect(revoked).toEqual(['blob:test/1']);
    expect(printer.handout).toBeNull();
  });

  it('reports a font that cannot be loaded as a Problem, and makes nothing', async () => {
    const problem = { key: 'paper.error.fontLoad', values: { detail: 'not a font' } } as const;
    const make = vi.fn(making());
    const printer = new Printer(place(), async () => fail(problem));
    expect(await printer.print(make)).toEqual(fail(problem));
    expect(make).not.toHaveBeenCalled();
    expect(created).toEqual([]);
    expect(await audit.count()).toBe(0);
  });

  it('says an unexpected error in the screen’s words, by its name only', async () => {
    const printer = new Printer(place(), fontOk);
    const broken: MakePrintout = async () => {
      throw new RangeError('山田 太郎 could not be drawn');
    };
    expect(await printer.print(broken)).toEqual(
      fail({ key: 'paper.error.generate', values: { detail: 'RangeError' } })
    );
    expect(await printer.print(broken, 'billing.print.failed')).toEqual(
      fail({ key: 'billing.print.failed', values: { detail: 'RangeError' } })
    );
    expect(created).toEqual([]);
  });

  it('makes nothing, and records nothing, when there is nothing to print after all', async () => {
    const printer = new Printer(place(), fontOk);
    expect(await printer.print(making(null))).toEqual(ok(null));
    expect(created).toEqual([]);
    expect(await audit.count()).toBe(0);
  });

  it('records a printout of the outage once: its timeline line and the audit line written with it', async () => {
    const printer = new Printer(place(), fontOk);
    await printer.print(making(printout({ log: { on: 'timeline', detail: 'arrivalSlip 5' } })));
    expect((await events()).map((e) => [e.sessionId, e.kind, e.detail, e.by])).toEqual([
      ['sess-A', 'printed', 'arrivalSlip 5', '受付 花子']
    ]);
    const lines = await audit.list();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      action: 'print',
      sessionId: 'sess-A',
      detail: 'arrivalSlip 5',
      table: ''
    });
  });

  it('records one record’s print as its audit line only (a deposit slip)', async () => {
    const printer = new Printer(place(), fontOk);
    await printer.print(
      making(
        printout({
          log: { on: 'record', table: 'bills', recordId: 'b1', sessionId: 'sess-B', detail: 'depositSlip' }
        })
      )
    );
    expect(await events()).toEqual([]);
    const lines = await audit.list();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject<Partial<AuditEntry>>({
      action: 'print',
      table: 'bills',
      recordId: 'b1',
      sessionId: 'sess-B',
      who: '受付 花子',
      detail: 'depositSlip'
    });
  });

  it('writes a named session’s line even outside an outage, and the current outage’s only within one', async () => {
    await recordPrint({ on: 'timeline', detail: 'visitMemo', sessionId: 'sess-old' }, place(null));
    await recordPrint({ on: 'timeline', detail: 'dayLog 2' }, place(null));
    expect((await events()).map((e) => [e.sessionId, e.detail])).toEqual([['sess-old', 'visitMemo']]);
    expect(await audit.count()).toBe(1);
  });

  it('records nothing when the printout asks for no record', async () => {
    await new Printer(place(), fontOk).print(making());
    expect(await events()).toEqual([]);
    expect(await audit.count()).toBe(0);
  });

  it('hands the PDF over even when its record cannot be written, and says so after its own warning', async () => {
    const full = { key: 'store.error.quota' } as const;
    vi.spyOn(outageRepo, 'log').mockResolvedValue(fail(full));
    const remember = { key: 'paper.pack.error.remember', values: { next: 51 } } as const;
    const made = await new Printer(place(), fontOk).print(
      making(printout({ log: { on: 'timeline', detail: 'intake 50' }, warning: remember }))
    );
    expect(made.ok && made.value?.warnings).toEqual([remember, full]);
    expect(made.ok && made.value?.handout.url).toBe('blob:test/1');
  });
});
