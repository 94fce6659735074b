// Texts for the benefits pages (bokmål first, English second). Keys are prefixed 'benefits.'.
export const benefitsNb = {
  'benefits.placeholder': 'Under arbeid',
};

export const benefitsEn: Record<keyof typeof benefitsNb, string> = {
  'benefits.placeholder': 'Work in progress',
};
