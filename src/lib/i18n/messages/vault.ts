// Messages of the vault domain (Japanese first; English must define every key Japanese does).
export const ja = {
  'vault.title': 'vault'
} as const;

export const en: Record<keyof typeof ja, string> = {
  'vault.title': 'vault'
};
