// Texts for the indicators pages (bokmål first, English second). Keys are prefixed 'indicators.'.
export const indicatorsNb = {
  'indicators.placeholder': 'Under arbeid',
};

export const indicatorsEn: Record<keyof typeof indicatorsNb, string> = {
  'indicators.placeholder': 'Work in progress',
};
