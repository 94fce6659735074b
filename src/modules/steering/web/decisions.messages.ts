// Texts for the decisions pages (bokmål first, English second). Keys are prefixed 'decisions.'.
export const decisionsNb = {
  'decisions.placeholder': 'Under arbeid',
};

export const decisionsEn: Record<keyof typeof decisionsNb, string> = {
  'decisions.placeholder': 'Work in progress',
};
