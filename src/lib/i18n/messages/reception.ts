// Messages of the reception domain (Japanese first; English must define every key Japanese does).
export const ja = {
  'reception.title': 'reception'
} as const;

export const en: Record<keyof typeof ja, string> = {
  'reception.title': 'reception'
};
