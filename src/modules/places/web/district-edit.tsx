import { Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { changedFields, useDatedForm } from '../../../web/components/dated-form';
import { DatedFormEnd } from '../../../web/components/dated-form-end';
import type { DistrictSummary } from '../places.schemas';
import { positionSearchQuery, useChangeDistrict } from './api';
import { usePlacesI18n } from './i18n';
import { EditorDetails } from './ui';

const wholeNumber = /^\d+$/;

/**
 * For editors, on a district page: the official name (names are dated: a new name holds from the
 * date chosen, and the old one stays in the history), short name, population with its year and
 * source, the local committee and the local coordinator.
 */
export function DistrictEditor({ district, onReload }: { district: DistrictSummary; onReload: () => void }) {
  const { t } = usePlacesI18n();
  return (
    <EditorDetails summary={t('districtEdit.summary', { number: district.number })}>
      <DistrictForm district={district} onReload={onReload} />
    </EditorDetails>
  );
}

function DistrictForm({ district, onReload }: { district: DistrictSummary; onReload: () => void }) {
  const { t } = usePlacesI18n();
  const mutation = useChangeDistrict(district.number);
  const [name, setName] = useState(district.name);
  const [shortName, setShortName] = useState(district.shortName ?? '');
  const [population, setPopulation] = useState(district.population === null ? '' : String(district.population));
  const [populationYear, setPopulationYear] = useState(district.populationYear === null ? '' : String(district.populationYear));
  const [populationSource, setPopulationSource] = useState(district.populationSource ?? '');
  const [committee, setCommittee] = useState(district.localCommitteeName ?? '');
  const [coordinatorId, setCoordinatorId] = useState(district.localCoordinator?.positionId ?? '');
  const [positionSearch, setPositionSearch] = useState('');
  const year = Number(populationYear);
  const form = useDatedForm({
    fields: ['name', 'shortName', 'population', 'populationYear', 'populationSource', 'localCommitteeName', 'localCoordinatorPositionId'],
    mutation,
    onReload,
    problems: {
      name: !name.trim() && t('districtEdit.nameRequired'),
      population: population.trim() !== '' && !wholeNumber.test(population.trim()) && t('districtEdit.populationInvalid'),
      populationYear:
        populationYear.trim() !== '' &&
        (!wholeNumber.test(populationYear.trim()) || year < 1800 || year > 2200) &&
        t('districtEdit.yearInvalid'),
    },
  });
  const { fieldIds, errors, server } = form;
  const positions = useQuery({ ...positionSearchQuery(positionSearch.trim(), form.day), enabled: positionSearch.trim().length >= 2 });

  const submit = form.submit(() => {
    const text = (value: string) => value.trim() || null;
    const integer = (value: string) => (value.trim() === '' ? null : Number(value.trim()));
    // Only what differs is sent: the change is a new dated version of just those fields.
    const changes = changedFields({
      name: [name.trim(), district.name],
      shortName: [text(shortName), district.shortName],
      population: [integer(population), district.population],
      populationYear: [integer(populationYear), district.populationYear],
      populationSource: [text(populationSource), district.populationSource],
      localCommitteeName: [text(committee), district.localCommitteeName],
      localCoordinatorPositionId: [coordinatorId || null, district.localCoordinator?.positionId ?? null],
    });
    form.sendChanges(changes, (next) =>
      mutation.mutate({ revision: district.revision, validFrom: form.validFrom, ...next, ...form.sourceChange }),
    );
  });

  const found = (positions.data ?? []).filter((p) => p.id !== district.localCoordinator?.positionId);

  return (
    <form className="kp-form" onSubmit={submit} noValidate>
      <Paragraph data-size="sm">{t('districtEdit.help')}</Paragraph>
      <Textfield
        id={fieldIds.name}
        label={t('districtEdit.name')}
        description={t('districtEdit.nameHelp')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        required
      />
      <Textfield
        id={fieldIds.shortName}
        label={t('district.shortName')}
        value={shortName}
        onChange={(e) => setShortName(e.target.value)}
        error={server.shortName}
      />
      <div className="kp-places-form__row">
        <Textfield
          id={fieldIds.population}
          label={t('district.population')}
          inputMode="numeric"
          value={population}
          onChange={(e) => setPopulation(e.target.value)}
          error={errors.population}
        />
        <Textfield
          id={fieldIds.populationYear}
          label={t('districtEdit.populationYear')}
          inputMode="numeric"
          value={populationYear}
          onChange={(e) => setPopulationYear(e.target.value)}
          error={errors.populationYear}
        />
      </div>
      <Textfield
        id={fieldIds.populationSource}
        label={t('districtEdit.populationSource')}
        description={t('districtEdit.populationSourceHelp')}
        value={populationSource}
        onChange={(e) => setPopulationSource(e.target.value)}
        error={server.populationSource}
      />
      <Textfield
        id={fieldIds.localCommitteeName}
        label={t('district.committee')}
        value={committee}
        onChange={(e) => setCommittee(e.target.value)}
        error={server.localCommitteeName}
      />
      <Textfield
        id={`${form.id}-position-search`}
        label={t('districtEdit.coordinatorSearch')}
        description={t('districtEdit.coordinatorSearchHelp')}
        type="search"
        value={positionSearch}
        onChange={(e) => setPositionSearch(e.target.value)}
      />
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.localCoordinatorPositionId}>{t('district.coordinator')}</Label>
        <Select
          id={fieldIds.localCoordinatorPositionId}
          value={coordinatorId}
          onChange={(e) => setCoordinatorId(e.target.value)}
          aria-invalid={server.localCoordinatorPositionId ? true : undefined}
          aria-describedby={server.localCoordinatorPositionId ? `${fieldIds.localCoordinatorPositionId}-error` : undefined}
        >
          <option value="">{t('districtEdit.noCoordinator')}</option>
          {district.localCoordinator && <option value={district.localCoordinator.positionId}>{district.localCoordinator.title}</option>}
          {found.map((position) => (
            <option key={position.id} value={position.id}>
              {t('districtEdit.positionOption', { title: position.title, unit: position.unitName })}
            </option>
          ))}
        </Select>
        {server.localCoordinatorPositionId && (
          <ValidationMessage id={`${fieldIds.localCoordinatorPositionId}-error`} data-color="danger">
            {server.localCoordinatorPositionId}
          </ValidationMessage>
        )}
      </div>
      <DatedFormEnd {...form.end} submitLabel={t('form.editSubmit')} />
    </form>
  );
}
