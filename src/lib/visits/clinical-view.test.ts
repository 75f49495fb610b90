import { describe, expect, it } from 'vitest';
import { drugAllergyMatches, recordedAllergies } from '../medication/allergy-match';
import { parseNotebook } from '../medication/jahis';
import type { PatientClinical } from '../patients/snapshot/model';
import {
  doCopy,
  notebookNoteTexts,
  patientNoOf,
  previousPrescriptions,
  snapshotAllergyTexts
} from './clinical-view';
import { emptyContent, newPrescription, type Memo, type Prescription } from './model';

const item = (kind: 'allergy' | 'problem' | 'prescription', name: string, date = '', extra = {}) => ({
  kind,
  name,
  strength: '',
  dose: '',
  usage: '',
  days: '',
  date,
  note: '',
  ...extra
});

const patient: PatientClinical = {
  patientNo: '0001',
  items: [
    item('allergy', 'ペニシリン'),
    item('prescription', 'アムロジピン錠', '2025-10-20', {
      strength: '5mg',
      dose: '1錠',
      usage: '朝食後',
      days: '28'
    }),
    item('prescription', '古い薬', '2025-01-01')
  ]
};

function memo(id: string, date: string, rows: Prescription[]): Memo {
  return {
    id,
    sessionId: 's',
    arrivalId: `a-${id}`,
    rev: 1,
    createdAt: `${date}T01:00:00.000Z`,
    updatedAt: `${date}T01:00:00.000Z`,
    content: { ...emptyContent, date, prescriptions: rows },
    authorName: 'x',
    writtenAt: `${date}T01:00:00.000Z`,
    paperSerial: ''
  } as unknown as Memo;
}

describe('clinical panel rules', () => {
  it('offers the previous memos’ prescriptions first, then the snapshot’s last one', () => {
    const rx = { ...newPrescription('r1'), drug: 'メトホルミン', days: '14' };
    const list = previousPrescriptions({ asOf: '2025-11-14', patient }, [
      memo('m1', '2025-11-10', [rx]),
      memo('m2', '2025-11-01', [])
    ]);
    expect(list.map((p) => p.source.kind)).toEqual(['memo', 'snapshot']);
    expect(list[0]!.rows).toEqual([rx]);
    expect(list[1]!.rows).toEqual([
      expect.objectContaining({
        drug: 'アムロジピン錠',
        strength: '5mg',
        dose: '1錠',
        usage: '朝食後',
        days: '28',
        dispensing: 'outside'
      })
    ]);
    expect(previousPrescriptions(null, [])).toEqual([]);
  });

  it('a Do appends copies with new ids, drops blank rows, keeps typed ones', () => {
    let n = 0;
    const typed = { ...newPrescription('t'), drug: '手入力薬' };
    const blank = newPrescription('b');
    const from = [{ ...newPrescription('old'), drug: 'A錠', days: '7' }];
    const out = doCopy([typed, blank], from, () => `new${++n}`);
    expect(out.map((p) => [p.id, p.drug, p.days])).toEqual([
      ['t', '手入力薬', ''],
      ['new1', 'A錠', '7']
    ]);
    expect(from[0]!.id).toBe('old');
  });

  it('warns on a drug matching a snapshot allergy or an お薬手帳 note, saying which source', () => {
    const book = parseNotebook(
      [
        'JAHISTC08,1',
        '1,山田 花子,2,19580321,,,,,,,',
        '5,R070401,1',
        '201,1,ロキソニン錠６０ｍｇ,1,錠,1,,1',
        '291,1,ワーファリン服用中,1'
      ].join('\r\n')
    );
    expect(book.ok).toBe(true);
    if (!book.ok) return;
    const recorded = recordedAllergies([
      ...snapshotAllergyTexts(patient).map((text) => ({ source: 'snapshot' as const, text })),
      ...notebookNoteTexts(book.value).map((text) => ({ source: 'notebookNote' as const, text }))
    ]);
    expect(drugAllergyMatches('ペニシリンGカリウム', recorded)).toEqual([
      { word: 'ペニシリン', source: 'snapshot' }
    ]);
    expect(drugAllergyMatches('ワーファリン錠1mg', recorded)).toEqual([]);
    expect(drugAllergyMatches('ワーファリン', recorded)).toEqual([
      { word: 'ワーファリン服用中', source: 'notebookNote' }
    ]);
    expect(drugAllergyMatches('アムロジピン', recorded)).toEqual([]);
  });

  it('reads the 患者番号 from a roster patient id', () => {
    expect(patientNoOf('p:00012345')).toBe('00012345');
    expect(patientNoOf(null)).toBe('');
    expect(patientNoOf('other')).toBe('');
  });
});
