// Texts for the reports pages (bokmål first, English second). Keys are prefixed 'reports.'.
export const reportsNb = {
  'reports.placeholder': 'Under arbeid',
};

export const reportsEn: Record<keyof typeof reportsNb, string> = {
  'reports.placeholder': 'Work in progress',
};
