import { describe, expect, it } from 'vitest';
import { cellIntent, clearMarker } from './empty-cells.js';

describe('[IMPORT][EMPTY_CELLS] one rule for empty cells', () => {
  it('leaves a value as it is for a missing column, an empty cell, an empty string and null', () => {
    for (const raw of [undefined, null, '', '   ']) expect(cellIntent(raw)).toBe('leave');
  });

  it('clears only when the cell says so', () => {
    for (const raw of [clearMarker, '(TØM)', ' (tom) ', '(clear)']) expect(cellIntent(raw)).toBe('clear');
    for (const raw of ['tøm', '0', 0, false, '-', 'x']) expect(cellIntent(raw)).toBe('value');
  });
});
