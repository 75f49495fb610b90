// Messages of the patients domain (Japanese first; English must define every key Japanese does).
export const ja = {
  'patients.title': 'patients'
} as const;

export const en: Record<keyof typeof ja, string> = {
  'patients.title': 'patients'
};
