// Messages of the visits domain (Japanese first; English must define every key Japanese does).
export const ja = {
  'visits.title': 'visits'
} as const;

export const en: Record<keyof typeof ja, string> = {
  'visits.title': 'visits'
};
