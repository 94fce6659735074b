// Texts for the prioritisation pages (bokmål first, English second). Keys are prefixed 'prioritisation.'.
export const prioritisationNb = {
  'prioritisation.placeholder': 'Under arbeid',
};

export const prioritisationEn: Record<keyof typeof prioritisationNb, string> = {
  'prioritisation.placeholder': 'Work in progress',
};
