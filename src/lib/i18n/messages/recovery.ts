// Messages of the recovery domain (Japanese first; English must define every key Japanese does).
export const ja = {
  'recovery.title': 'recovery'
} as const;

export const en: Record<keyof typeof ja, string> = {
  'recovery.title': 'recovery'
};
