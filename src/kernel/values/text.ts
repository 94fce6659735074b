/** Optional free text: trimmed, and empty means "not given". */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The text with its first letter in upper case: «enheten» → «Enheten». */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
