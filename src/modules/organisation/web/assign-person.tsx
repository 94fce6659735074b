import { Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../web/data/client';
import { SectionHeading } from '../../../web/components/section-heading';
import { fieldErrors } from '../../../web/components/write-error';
import type { PositionDetail } from '../records.schemas';
import { searchQuery, useAssignPerson } from './api';
import { useOrgI18n } from './i18n';
import { isIsoDate } from './search-params';
import { FieldError, WriteForm } from './unit-edit';

const newPerson = 'new';

/** Places a person in the position from a date: someone already recorded, or a new person. */
export function AssignPersonForm({ position, date, onReload }: { position: PositionDetail; date: string; onReload: () => void }) {
  const { t, date: formatDate } = useOrgI18n();
  const ids = useId();
  const mutation = useAssignPerson();
  const [name, setName] = useState('');
  const [searched, setSearched] = useState('');
  const [choice, setChoice] = useState('');
  const [fte, setFte] = useState('100');
  const [validFrom, setValidFrom] = useState(date);
  const [validTo, setValidTo] = useState('');
  const [tried, setTried] = useState(false);
  // Offered once the server refuses the person above 100 % FTE: a reason accepts it (stored, audited).
  const [overrideOffered, setOverrideOffered] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const people = useQuery(searchQuery(searched, date));
  const found = searched ? (people.data?.people ?? []) : [];

  const fteNumber = Number(fte.replace(',', '.'));
  const fteValid = Number.isFinite(fteNumber) && fteNumber > 0 && fteNumber <= 100;
  const server = fieldErrors(mutation.error);
  const errors = {
    person: tried && !choice ? t('assign.personRequired') : (server.personId ?? server.name),
    fte: tried && !fteValid ? t('assign.fteInvalid') : server.fte,
    validFrom: tried && !isIsoDate(validFrom) ? t('edit.dateRequired') : server.validFrom,
    validTo: tried && validTo && (!isIsoDate(validTo) || validTo <= validFrom) ? t('assign.validToInvalid') : server.validTo,
    override: tried && overrideOffered && !overrideReason.trim() ? t('assign.overrideRequired') : undefined,
  };
  const overFullTime =
    mutation.error instanceof ApiError && (mutation.error.details as { fteOverride?: boolean } | undefined)?.fteOverride === true;
  if (overFullTime && !overrideOffered) setOverrideOffered(true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!choice || !fteValid || !isIsoDate(validFrom) || (validTo && (!isIsoDate(validTo) || validTo <= validFrom))) return;
    if (overrideOffered && !overrideReason.trim()) return;
    mutation.mutate({
      positionId: position.id,
      fte: Math.round(fteNumber) / 100,
      validFrom,
      ...(validTo ? { validTo } : {}),
      ...(overrideOffered ? { fteOverrideReason: overrideReason.trim() } : {}),
      ...(choice === newPerson ? { newPerson: { name: searched.trim() } } : { personId: choice }),
    });
  };

  const headingId = `${ids}-heading`;
  return (
    <section aria-labelledby={headingId} className="kp-org-section">
      <SectionHeading id={headingId}>{t('assign.heading')}</SectionHeading>
      <form
        className="kp-inline-form"
        role="search"
        aria-label={t('assign.searchLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          setSearched(name.trim());
          setChoice('');
        }}
      >
        <Textfield
          label={t('assign.name')}
          description={t('assign.nameHelp')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
        />
        <Button type="submit" variant="secondary">
          {t('assign.search')}
        </Button>
      </form>
      {searched && (
        <WriteForm
          onSubmit={submit}
          mutation={mutation}
          onReload={onReload}
          fieldIds={{
            personId: `${ids}-person`,
            fte: `${ids}-fte`,
            validFrom: `${ids}-from`,
            validTo: `${ids}-to`,
            fteOverrideReason: `${ids}-override`,
          }}
          submitLabel={t('assign.submit')}
          success={mutation.isSuccess ? t('assign.saved', { date: formatDate(validFrom) }) : null}
        >
          <Fieldset id={`${ids}-person`} aria-invalid={errors.person ? true : undefined}>
            <Fieldset.Legend>{t('assign.choose')}</Fieldset.Legend>
            {people.isFetching && <Paragraph data-size="sm">{t('assign.searching')}</Paragraph>}
            {found.map((person) => (
              <Radio
                key={person.id}
                name={`${ids}-choice`}
                value={person.id}
                label={person.name}
                checked={choice === person.id}
                onChange={() => setChoice(person.id)}
              />
            ))}
            <Radio
              name={`${ids}-choice`}
              value={newPerson}
              label={t('assign.newPerson', { name: searched })}
              checked={choice === newPerson}
              onChange={() => setChoice(newPerson)}
            />
            {errors.person && <FieldError id={`${ids}-person-error`}>{errors.person}</FieldError>}
          </Fieldset>
          <Textfield
            id={`${ids}-fte`}
            label={t('assign.fte')}
            suffix="%"
            inputMode="decimal"
            value={fte}
            onChange={(e) => setFte(e.target.value)}
            error={errors.fte}
          />
          <Textfield
            id={`${ids}-from`}
            label={t('assign.validFrom')}
            type="date"
            value={validFrom}
            onChange={(e) => setValidFrom(e.target.value)}
            error={errors.validFrom}
            required
          />
          <Textfield
            id={`${ids}-to`}
            label={t('assign.validTo')}
            description={t('assign.validToHelp')}
            type="date"
            value={validTo}
            onChange={(e) => setValidTo(e.target.value)}
            error={errors.validTo}
          />
          {overrideOffered && (
            <Textfield
              id={`${ids}-override`}
              label={t('assign.overrideReason')}
              description={t('assign.overrideHelp')}
              multiline
              rows={3}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.target.value)}
              error={errors.override}
              required
            />
          )}
        </WriteForm>
      )}
    </section>
  );
}
