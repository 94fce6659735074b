import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EntityCombobox, type EntityComboboxProps } from '../../../web/components/combobox/combobox';
import { unitPathOptions } from '../../../web/components/combobox/unit-path-options';
import { unitsQuery } from './api';
import { usePlacesI18n } from './i18n';

type UnitComboboxProps = Omit<EntityComboboxProps, 'options' | 'loading' | 'className'> & {
  /** The day whose organisation the units come from (the form's «valid from»). */
  day: string;
  /** The unit the record has now: stays choosable even if the organisation is still loading. */
  current?: { id: string; name: string } | null;
};

/** A unit of the organisation on a day, chosen by name: the places forms' one unit field. */
export function UnitCombobox({ day, current, ...field }: UnitComboboxProps) {
  const { collator } = usePlacesI18n();
  const units = useQuery(unitsQuery(day));
  const options = useMemo(() => {
    const all = units.data?.units ?? [];
    // The path above each unit («Oppvekst › Skole») tells two units of the same name apart.
    const sorted = unitPathOptions(all, collator.compare);
    return current && !all.some((unit) => unit.id === current.id) ? [{ value: current.id, label: current.name }, ...sorted] : sorted;
  }, [units.data, collator, current]);
  return <EntityCombobox {...field} className="kp-places-field" options={options} loading={units.isPending} />;
}
