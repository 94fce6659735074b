// One rule for every import (places and organisation): a column the file does not have, an empty
// cell, an empty string and JSON null all leave the stored value as it is (for something new: not
// given). A value is cleared only when the file says so, with the marker «(tøm)» in the cell. An
// empty cell is what a spreadsheet has wherever nobody typed anything, so it cannot mean "clear".

/** The marker a cell holds to clear a value (any letter case; «(tom)» and «(clear)» are read too). */
export const clearMarker = '(tøm)';
const clearMarkers = new Set([clearMarker, '(tom)', '(clear)']);

/** What a cell asks for: leave the value as it is, clear it, or set it to the cell's value. */
export type CellIntent = 'leave' | 'clear' | 'value';

/** `raw`: a CSV or spreadsheet cell, or a JSON property's value (undefined: not in the file). */
export function cellIntent(raw: unknown): CellIntent {
  if (raw === undefined || raw === null) return 'leave';
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return 'leave';
    if (clearMarkers.has(text.toLocaleLowerCase('nb'))) return 'clear';
  }
  return 'value';
}
