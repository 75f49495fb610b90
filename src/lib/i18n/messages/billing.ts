// Messages of the billing domain (Japanese first; English must define every key Japanese does).
export const ja = {
  'billing.title': 'billing'
} as const;

export const en: Record<keyof typeof ja, string> = {
  'billing.title': 'billing'
};
