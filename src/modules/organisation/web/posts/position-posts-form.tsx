import { Details, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { DatedFormEnd } from '../../../../web/components/dated-form-end';
import { changedFields, useDatedForm } from '../../../../web/components/dated-form';
import type { PositionDetail } from '../../records.schemas';
import { useChangePosition } from './posts-api';
import { usePostsI18n } from './posts-i18n';
import { formatDecimal, parseDecimal } from './decimal';

/**
 * The position's FTE (its size: one post may stand for a role many hold) and cost centre (ansvar),
 * changed from a date as a new version of the position.
 */
export function PositionPostsForm({ position, date, onReload }: { position: PositionDetail; date: string; onReload: () => void }) {
  const { t } = usePostsI18n();
  const mutation = useChangePosition(position.id);
  const [fte, setFte] = useState(position.fte === null ? '' : formatDecimal(position.fte));
  const [costCentre, setCostCentre] = useState(position.costCentre ?? '');
  const parsedFte = fte.trim() === '' ? null : parseDecimal(fte);
  const fteOk = parsedFte === null || (Number.isFinite(parsedFte) && parsedFte >= 0.01 && parsedFte <= 1000);
  const form = useDatedForm({
    fields: ['fte', 'costCentre'],
    mutation,
    onReload,
    validFrom: date,
    problems: { fte: !fteOk && t('position.fteInvalid') },
  });

  return (
    <Details>
      <Details.Summary>{t('position.summary')}</Details.Summary>
      <Details.Content>
        <form
          className="kp-form"
          noValidate
          onSubmit={form.submit(() =>
            form.sendChanges(
              changedFields({
                fte: [parsedFte, position.fte],
                costCentre: [costCentre.trim() === '' ? null : costCentre.trim(), position.costCentre],
              }),
              (next) => mutation.mutate({ revision: position.revision, validFrom: form.validFrom, ...next, ...form.sourceChange }),
            ),
          )}
        >
          <Textfield
            id={form.fieldIds.fte}
            label={t('position.fte')}
            description={t('position.fteHelp')}
            inputMode="decimal"
            value={fte}
            onChange={(event) => setFte(event.target.value)}
            error={form.errors.fte}
          />
          <Textfield
            id={form.fieldIds.costCentre}
            label={t('position.costCentre')}
            description={t('position.costCentreHelp')}
            value={costCentre}
            onChange={(event) => setCostCentre(event.target.value)}
            error={form.errors.costCentre}
          />
          <DatedFormEnd {...form.end} submitLabel={t('position.submit')} />
        </form>
      </Details.Content>
    </Details>
  );
}
