// How a roster patient's coded values read on screen: 性別, 負担割合, and 生年月日 in 西暦 with 和暦.
import { t } from '../i18n';
import type { CopayRate, Sex } from './model';
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
