// Texts for the imports pages (bokmål first, English second). Keys are prefixed 'imports.'.
export const importsNb = {
  'imports.placeholder': 'Under arbeid',
};

export const importsEn: Record<keyof typeof importsNb, string> = {
  'imports.placeholder': 'Work in progress',
};
