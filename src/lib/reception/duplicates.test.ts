import { describe, expect, it } from 'vitest';
import { RosterIndex } from '../patients/search';
import type { Patient } from '../patients/model';
import { emptyArrivalForm, type ArrivalForm } from './arrival-form';
import { comesAgain, findDuplicateArrivals, findDuplicates, needsDuplicateAnswer } from './duplicates';
import type { Arrival } from './model';

const patient = (over: Partial<Patient>): Patient => ({
  id: 'p:1',
  patientNo: '1',
  name: '髙橋　一郎',
  kana: 'タカハシ　イチロウ',
  birthDate: '1970-05-06',
  sex: 'M',
  insurerNo: '',
  cardSymbol: '',
  cardNumber: '',
  branch: '',
  copayRate: null,
  address: '',
  phone: '',
  allergies: '',
  ...over
});

const arrival = (over: Partial<Arrival>): Arrival =>
  ({
    id: 'a1',
    patientId: null,
    name: '佐藤　花子',
    kana: 'サトウ　ハナコ',
    birthDate: '1985-03-04',
    sex: 'F',
    queueNo: 'A-001',
    ...over
  }) as Arrival;

const form = (over: Partial<ArrivalForm>): ArrivalForm => ({ ...emptyArrivalForm(), ...over });

describe('findDuplicates', () => {
  const index = new RosterIndex([
    patient({}),
    patient({ id: 'p:2', patientNo: '2', sex: 'F', name: '髙橋　一美' })
  ]);

  it('warns about a new patient with the same name, birth date and sex in the roster (variant kanji, wareki)', () => {
    const d = findDuplicates(form({ name: '高橋 一郎', birthDate: 'S45.5.6', sex: 'M' }), {
      roster: index,
      arrivals: []
    });
    expect(d.roster.map((p) => p.id)).toEqual(['p:1']);
    expect(d.signature).not.toBe('');
  });

  it('does not compare a roster-picked patient with the roster, nor a different sex or birth date', () => {
    expect(
      findDuplicates(form({ patientId: 'p:1', name: '髙橋　一郎', birthDate: '1970-05-06', sex: 'M' }), {
        roster: index,
        arrivals: []
      }).roster
    ).toEqual([]);
    expect(
      findDuplicates(form({ name: '髙橋　一郎', birthDate: '1970-05-06', sex: 'F' }), {
        roster: index,
        arrivals: []
      }).signature
    ).toBe('');
    expect(
      findDuplicates(form({ name: '髙橋　一郎', birthDate: '1970-05-07', sex: 'M' }), {
        roster: index,
        arrivals: []
      }).signature
    ).toBe('');
    expect(
      findDuplicates(form({ name: '髙橋　一郎', birthDate: '', sex: 'M' }), { roster: index, arrivals: [] })
        .signature
    ).toBe('');
  });

  it('finds the same person among this session’s arrivals, by kana too, and the same roster patient twice', () => {
    const arrivals = [
      arrival({}),
      arrival({ id: 'a2', patientId: 'p:1', name: '髙橋　一郎', kana: '', birthDate: '1970-05-06', sex: 'M' })
    ];
    expect(
      findDuplicateArrivals(
        { patientId: null, name: '', kana: 'さとう はなこ', birthDate: '1985-03-04', sex: 'F' },
        arrivals
      ).map((a) => a.id)
    ).toEqual(['a1']);
    expect(
      findDuplicateArrivals(
        { patientId: 'p:1', name: 'x', kana: '', birthDate: '2000-01-01', sex: '' },
        arrivals
      ).map((a) => a.id)
    ).toEqual(['a2']);
    expect(
      findDuplicateArrivals(
        { patientId: null, name: '佐藤花子', kana: '', birthDate: '1985-03-04', sex: '' },
        arrivals,
        'a1'
      )
    ).toEqual([]);
  });

  it('a cancelled registration (受付取消) is not a duplicate any more', () => {
    const arrivals = [arrival({ status: 'cancelled' })];
    expect(
      findDuplicateArrivals(
        { patientId: null, name: '佐藤花子', kana: '', birthDate: '1985-03-04', sex: 'F' },
        arrivals
      )
    ).toEqual([]);
  });

  it('someone whose visit is over is asked about as coming again; anyone still here, or a roster look-alike, is not', () => {
    const f = form({ name: '佐藤花子', birthDate: '1985-03-04', sex: 'F' });
    const found = (arrivals: Arrival[]) => findDuplicates(f, { roster: null, arrivals });
    for (const status of ['paid', 'payLater', 'left'] as const)
      expect(comesAgain(found([arrival({ status })]))).toBe(true);
    for (const status of ['waiting', 'inConsult', 'awaitingPayment'] as const)
      expect(comesAgain(found([arrival({ status })]))).toBe(false);
    expect(comesAgain(found([arrival({ status: 'paid' }), arrival({ id: 'a2', status: 'waiting' })]))).toBe(
      false
    );
    expect(comesAgain({ ...found([arrival({ status: 'paid' })]), roster: [patient({})] })).toBe(false);
    expect(comesAgain(found([]))).toBe(false);
  });

  it('an answer holds for the same identity and is asked again when it changes', () => {
    const f = form({ name: '佐藤花子', birthDate: '1985-03-04', sex: 'F' });
    const d = findDuplicates(f, { roster: null, arrivals: [arrival({})] });
    expect(needsDuplicateAnswer(d, f)).toBe(true);
    f.duplicateAck = d.signature;
    expect(needsDuplicateAnswer(d, f)).toBe(false);
    const changed = findDuplicates({ ...f, sex: '' }, { roster: null, arrivals: [arrival({})] });
    expect(needsDuplicateAnswer(changed, { ...f, sex: '' })).toBe(true);
  });
});
