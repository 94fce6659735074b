import { Details, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { ChangeDistrictBody, DistrictSummary } from '../places.schemas';
import { positionSearchQuery, useChangeDistrict } from './api';
import { todayInNorway, usePlacesI18n } from './i18n';
import { isIsoDate } from './search-params';
import { fieldErrors, useFocusWhen } from './ui';
import { DatedFormEnd } from './dated-form-end';

const wholeNumber = /^\d+$/;

/**
 * For editors, on a district page: the official name (names are dated: a new name holds from the
 * date chosen, and the old one stays in the history), short name, population with its year and
 * source, the local committee and the local coordinator.
 */
export function DistrictEditor({ district, onReload }: { district: DistrictSummary; onReload: () => void }) {
  const { t } = usePlacesI18n();
  return (
    <Details>
      <Details.Summary>{t('districtEdit.summary', { number: district.number })}</Details.Summary>
      <Details.Content>
        <DistrictForm district={district} onReload={onReload} />
      </Details.Content>
    </Details>
  );
}

function DistrictForm({ district, onReload }: { district: DistrictSummary; onReload: () => void }) {
  const { t } = usePlacesI18n();
  const ids = useId();
  const mutation = useChangeDistrict(district.number);
  const [name, setName] = useState(district.name);
  const [shortName, setShortName] = useState(district.shortName ?? '');
  const [population, setPopulation] = useState(district.population === null ? '' : String(district.population));
  const [populationYear, setPopulationYear] = useState(district.populationYear === null ? '' : String(district.populationYear));
  const [populationSource, setPopulationSource] = useState(district.populationSource ?? '');
  const [committee, setCommittee] = useState(district.localCommitteeName ?? '');
  const [coordinatorId, setCoordinatorId] = useState(district.localCoordinator?.positionId ?? '');
  const [positionSearch, setPositionSearch] = useState('');
  const [validFrom, setValidFrom] = useState(todayInNorway());
  const [source, setSource] = useState('');
  const [tried, setTried] = useState(false);
  const [nothing, setNothing] = useState(false);
  const saved = useFocusWhen(mutation.isSuccess);

  const searchDate = isIsoDate(validFrom) ? validFrom : todayInNorway();
  const positions = useQuery({ ...positionSearchQuery(positionSearch.trim(), searchDate), enabled: positionSearch.trim().length >= 2 });

  const year = Number(populationYear);
  const server = fieldErrors(mutation.error);
  const errors = {
    name: tried && !name.trim() ? t('districtEdit.nameRequired') : server.name,
    population:
      tried && population.trim() !== '' && !wholeNumber.test(population.trim()) ? t('districtEdit.populationInvalid') : server.population,
    populationYear:
      tried && populationYear.trim() !== '' && (!wholeNumber.test(populationYear.trim()) || year < 1800 || year > 2200)
        ? t('districtEdit.yearInvalid')
        : server.populationYear,
    validFrom: tried && !isIsoDate(validFrom) ? t('form.dateRequired') : server.validFrom,
  };
  const fieldIds = {
    name: `${ids}-name`,
    shortName: `${ids}-short`,
    population: `${ids}-population`,
    populationYear: `${ids}-year`,
    populationSource: `${ids}-population-source`,
    localCommitteeName: `${ids}-committee`,
    localCoordinatorPositionId: `${ids}-coordinator`,
    validFrom: `${ids}-from`,
    source: `${ids}-source`,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setNothing(false);
    if (errors.name || errors.population || errors.populationYear || !name.trim() || !isIsoDate(validFrom)) return;
    if (
      (population.trim() !== '' && !wholeNumber.test(population.trim())) ||
      (populationYear.trim() !== '' && (!wholeNumber.test(populationYear.trim()) || year < 1800 || year > 2200))
    )
      return;
    const text = (value: string) => value.trim() || null;
    const integer = (value: string) => (value.trim() === '' ? null : Number(value.trim()));
    // Only what differs is sent: the change is a new dated version of just those fields.
    const next: Omit<ChangeDistrictBody, 'revision' | 'validFrom'> = {};
    if (name.trim() !== district.name) next.name = name.trim();
    if (text(shortName) !== district.shortName) next.shortName = text(shortName);
    if (integer(population) !== district.population) next.population = integer(population);
    if (integer(populationYear) !== district.populationYear) next.populationYear = integer(populationYear);
    if (text(populationSource) !== district.populationSource) next.populationSource = text(populationSource);
    if (text(committee) !== district.localCommitteeName) next.localCommitteeName = text(committee);
    if ((coordinatorId || null) !== (district.localCoordinator?.positionId ?? null))
      next.localCoordinatorPositionId = coordinatorId || null;
    if (Object.keys(next).length === 0) {
      setNothing(true);
      return;
    }
    mutation.mutate({ revision: district.revision, validFrom, ...next, ...(source.trim() ? { source: source.trim() } : {}) });
  };

  const found = (positions.data ?? []).filter((p) => p.id !== district.localCoordinator?.positionId);

  return (
    <form className="kp-places-form" onSubmit={submit} noValidate>
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
        id={`${ids}-position-search`}
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
      <DatedFormEnd
        fieldIds={fieldIds}
        validFrom={validFrom}
        onValidFrom={setValidFrom}
        validFromError={errors.validFrom}
        source={source}
        onSource={setSource}
        sourceError={server.source}
        mutation={mutation}
        onReload={onReload}
        submitLabel={t('form.editSubmit')}
        nothingChanged={nothing}
        savedRef={saved}
      />
    </form>
  );
}
