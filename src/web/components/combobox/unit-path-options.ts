import type { ComboboxOption } from './combobox';

/** What a unit picker needs of a unit: the organisation tree's units, or any list with the parent's id. */
export type PathUnit = { id: string; name: string; parentId?: string | null };

/** Between the names of a path: «Oppvekst › Skole». */
export const pathSeparator = ' › ';

/**
 * The choices of a unit combobox: each unit by its name, with its path as the description, so two
 * units of the same name («Administrasjon», «Skolefritidsordning») can be told apart, and typing part
 * of the path («skole aronsløkka») finds it. The path runs from the top down («Oppvekst › Skole» for
 * Aronsløkka skole), without the tree's single top (the leadership team, above every unit). Sorted
 * by name, then by path.
 *
 * @example
 * const options = useMemo(() => unitPathOptions(tree.data?.units ?? [], collator.compare), [tree.data, collator]);
 * <EntityCombobox id={ids.unitId} label={t('location.unit')} options={options} value={unitId} onChange={setUnitId} />
 */
export function unitPathOptions<U extends PathUnit>(
  units: readonly U[],
  compare: (a: string, b: string) => number,
  choose: { value?: (unit: U) => string; include?: (unit: U) => boolean } = {},
): ComboboxOption[] {
  const byId = new Map<string, PathUnit>(units.map((unit) => [unit.id, unit]));
  const rootCount = units.filter((unit) => !unit.parentId).length;
  const soleRoot = rootCount === 1 ? units.find((unit) => !unit.parentId)?.id : undefined;
  const pathOf = (unit: U) => {
    const names: string[] = [];
    const seen = new Set([unit.id]);
    for (let parent = unit.parentId ? byId.get(unit.parentId) : undefined; parent;) {
      if (seen.has(parent.id)) break; // a loop in half-saved data: stop rather than hang
      seen.add(parent.id);
      if (parent.id !== soleRoot) names.unshift(parent.name);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return names.join(pathSeparator);
  };
  return units
    .filter((unit) => choose.include?.(unit) ?? true)
    .map((unit) => ({ unit, path: pathOf(unit) }))
    .sort((a, b) => compare(a.unit.name, b.unit.name) || compare(a.path, b.path))
    .map(({ unit, path }) => ({ value: choose.value?.(unit) ?? unit.id, label: unit.name, description: path || undefined }));
}
