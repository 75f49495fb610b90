// The answers of one intake-sized record (問診), the same in every benchmark that writes intakes.
export const INTAKE_ANSWERS = {
  symptoms: '昨日から発熱と咳、のどの痛み。夜に悪化。',
  since: '昨日',
  temperature: '38.2',
  allergies: 'ペニシリン',
  medications: 'アムロジピン 5mg 1日1回',
  pregnancy: 'no',
  pastIllnesses: '高血圧',
  message: '',
  filledBy: 'staff'
} as const;
