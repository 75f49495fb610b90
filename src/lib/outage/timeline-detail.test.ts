import { beforeAll, describe, expect, it } from 'vitest';
import { registerMessages } from '../i18n/translate';
import { en } from '../i18n/messages/en/index';
import { describeDetail, RECOVERY_DETAIL } from './timeline-detail';

beforeAll(() => registerMessages('en', en));

describe('describeDetail', () => {
  it('says a printed 院外処方箋 by its number, never the memo it came from', () => {
    const said = describeDetail('printed', 'prescription RA-0001 memo-abc a5', 'ja');
    expect(said).toBe('院外処方箋 RA-0001 を印刷');
    expect(describeDetail('printed', 'prescription RA-0001 memo-abc a4', 'en')).not.toContain('memo-abc');
  });

  it('says printed paper in words, never its internal name', () => {
    expect(describeDetail('printed', 'arrivalSlip 5', 'ja')).toBe('受付票 5枚');
    expect(describeDetail('printed', 'intake 3', 'ja')).toBe('問診票 3枚');
    expect(describeDetail('printed', 'visitMemo 10', 'ja')).toBe('診療メモの用紙 10枚');
    expect(describeDetail('printed', 'depositSlip 20', 'ja')).toBe('預り証の用紙 20枚');
    expect(describeDetail('printed', 'eligibility 2', 'ja')).toBe('被保険者資格申立書 2枚');
    expect(describeDetail('printed', 'waitingNotice 1', 'ja')).toBe('待合室の掲示 1枚');
    expect(describeDetail('printed', 'outageCard 1', 'ja')).toBe('障害時の手順カード 1枚');
    expect(describeDetail('printed', 'dayLog 4', 'ja')).toBe('1日の受付記録（4件）');
    expect(describeDetail('printed', 'visitMemos 1', 'ja')).toBe('記入済みの診療メモ（1件）');
    expect(describeDetail('printed', 'visitMemo', 'ja')).toBe('記入済みの診療メモ（1件）');
    expect(describeDetail('printed', RECOVERY_DETAIL.report, 'ja')).toBe('障害対応報告（PDF）');
    expect(describeDetail('printed', 'arrivalSlip 5', 'en')).toBe('Arrival slips, 5 sheets');
    expect(describeDetail('printed', 'dayLog 4', 'en')).toBe('Day’s arrivals log (4)');
  });

  it('says exports, imports, purges, the session kind and a resumed outage in words', () => {
    expect(describeDetail('exported', 'バンドル', 'ja')).toBe('バンドル');
    expect(describeDetail('exported', 'バンドル', 'en')).toBe('Bundle');
    expect(describeDetail('exported', 'CSV 受付一覧', 'ja')).toBe('CSV：受付一覧');
    expect(describeDetail('exported', 'CSV 代行入力チェックリスト', 'en')).toBe('CSV: back-entry checklist');
    expect(describeDetail('imported', '端末Bから 追加3 更新1 競合0 破損2', 'ja')).toBe(
      '端末Bから：追加 3件・更新 1件・食い違い 0件・壊れている記録 2件'
    );
    expect(describeDetail('imported', '端末Bから 追加3 更新1 競合0 破損2', 'en')).toBe(
      'from device B: 3 added, 1 updated, 0 differences, 2 damaged'
    );
    expect(describeDetail('purged', '42件', 'ja')).toBe('42件を消去');
    expect(describeDetail('purged', '42件', 'en')).toBe('42 records deleted');
    expect(describeDetail('declared', 'drill', 'ja')).toBe('訓練');
    expect(describeDetail('declared', 'real', 'ja')).toBe('実際の障害');
    expect(describeDetail('note', 'resumed', 'ja')).toBe('復旧の記録を取り消し、障害対応を再開');
    expect(describeDetail('note', 'resumed', 'en')).toBe('Recovery undone, outage work resumed');
  });

  it('shows anything it does not know as it was stored, and nothing for an empty detail', () => {
    expect(describeDetail('firstPatient', '', 'ja')).toBe('');
    expect(describeDetail('note', '電話で連絡済み', 'ja')).toBe('電話で連絡済み');
    expect(describeDetail('printed', 'newForm 3', 'ja')).toBe('newForm 3');
    expect(describeDetail('exported', 'CSV 未知の一覧', 'ja')).toBe('CSV 未知の一覧');
    // A paper word only means paper when it was printed.
    expect(describeDetail('exported', 'intake 3', 'ja')).toBe('intake 3');
  });
});
