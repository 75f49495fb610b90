// How a roster patient's coded values read on screen: 性別, 負担割合, 生年月日 in 西暦 with 和暦, and age.
import { t } from '../i18n';
import type { CopayRate, Sex } from './model';
import { ageOn } from './age';
import { formatWareki } from './wareki';

export function sexLabel(sex: Sex): string {
  return sex === '' ? t('patients.sex.unknown') : t(`patients.sex.${sex}`);
}

export function copayLabel(rate: CopayRate): string {
  return rate === null ? t('patients.copayRate.unknown') : t('patients.copayRate.value', { rate });
}

/** 1980-01-02 → 1980/01/02（昭和55年1月2日）; the 和暦 part is left out before 明治. */
export function birthDateLabel(iso: string): string {
  const date = iso.replace(/-/g, '/');
  const wareki = formatWareki(iso);
  return wareki ? t('patients.birthDate.withWareki', { date, wareki }) : date;
}

/** 45歳; '' for a birth date after today (imported with a warning), which has no age to show. */
export function ageLabel(birthDate: string, today: string): string {
  return birthDate > today ? '' : t('patients.age', { age: ageOn(birthDate, today) });
}
