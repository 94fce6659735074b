// Texts for the board pages (bokmål first, English second). Keys are prefixed 'board.'.
export const boardNb = {
  'board.placeholder': 'Under arbeid',
};

export const boardEn: Record<keyof typeof boardNb, string> = {
  'board.placeholder': 'Work in progress',
};
