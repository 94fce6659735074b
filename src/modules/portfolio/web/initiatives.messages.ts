// Texts for the initiatives pages (bokmål first, English second). Keys are prefixed 'initiatives.'.
export const initiativesNb = {
  'initiatives.placeholder': 'Under arbeid',
};

export const initiativesEn: Record<keyof typeof initiativesNb, string> = {
  'initiatives.placeholder': 'Work in progress',
};
