/**
 * A position's title is often shared by many ("virksomhetsleder", "rektor"); with its unit it names
 * one: «virksomhetsleder (Aronsløkka skole)». A title that already names the unit ("kommunalsjef for
 * skole") is left as it is. The rules report words positions the same way.
 */
export function positionWithUnit(title: string, unitName: string | null | undefined): string {
  if (!unitName || title.toLocaleLowerCase('nb').includes(unitName.toLocaleLowerCase('nb'))) return title;
  return `${title} (${unitName})`;
}
