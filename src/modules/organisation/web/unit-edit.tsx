import { Alert, Button, Checkbox, Details, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { EntityCombobox } from '../../../web/components/combobox/combobox';
import { unitPathOptions } from '../../../web/components/combobox/unit-path-options';
import { SectionHeading } from '../../../web/components/section-heading';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import type { UnitDetail } from '../records.schemas';
import { treeQuery, useChangeUnit, useCloseUnit } from './api';
import { ancestorsOf, buildUnitTree } from './chart/tree-model';
import { useOrgI18n } from './i18n';
import { isIsoDate } from './search-params';

/**
 * The organisation editor's changes to a unit: rename, move, close. Each is dated ("applies
 * from") and carries the revision read, so a change made meanwhile by someone else is refused.
 */
export function UnitEditor({ unit, date, onReload }: { unit: UnitDetail; date: string; onReload: () => void }) {
  const { t } = useOrgI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="kp-org-section">
      <SectionHeading id={headingId}>{t('edit.unitHeading')}</SectionHeading>
      <Paragraph>{t('edit.unitIntro')}</Paragraph>
      <div className="kp-edit-panels">
        <Details>
          <Details.Summary>{t('edit.rename')}</Details.Summary>
          <Details.Content>
            <RenameForm unit={unit} date={date} onReload={onReload} />
          </Details.Content>
        </Details>
        <Details>
          <Details.Summary>{t('edit.move')}</Details.Summary>
          <Details.Content>
            <MoveForm unit={unit} date={date} onReload={onReload} />
          </Details.Content>
        </Details>
        <Details>
          <Details.Summary>{t('edit.close')}</Details.Summary>
          <Details.Content>
            <CloseForm unit={unit} date={date} onReload={onReload} />
          </Details.Content>
        </Details>
      </div>
    </section>
  );
}

type FormProps = { unit: UnitDetail; date: string; onReload: () => void };

function RenameForm({ unit, date, onReload }: FormProps) {
  const { t, date: formatDate } = useOrgI18n();
  const ids = useId();
  const mutation = useChangeUnit(unit.id);
  const [name, setName] = useState(unit.name);
  const [validFrom, setValidFrom] = useState(date);
  const [tried, setTried] = useState(false);
  const server = fieldErrors(mutation.error);
  const nameError = tried && !name.trim() ? t('edit.nameRequired') : server.name;
  const dateError = tried && !isIsoDate(validFrom) ? t('edit.dateRequired') : server.validFrom;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || !isIsoDate(validFrom)) return;
    mutation.mutate({ revision: unit.revision, validFrom, name: name.trim() });
  };
  return (
    <WriteForm
      onSubmit={submit}
      mutation={mutation}
      onReload={onReload}
      fieldIds={{ name: `${ids}-name`, validFrom: `${ids}-from` }}
      submitLabel={t('edit.renameSubmit')}
      success={mutation.isSuccess ? t('edit.savedFrom', { date: formatDate(validFrom) }) : null}
    >
      <Textfield
        id={`${ids}-name`}
        label={t('edit.newName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError}
        required
      />
      <ValidFromField id={`${ids}-from`} value={validFrom} onChange={setValidFrom} error={dateError} />
    </WriteForm>
  );
}

function MoveForm({ unit, date, onReload }: FormProps) {
  const { t, collator, date: formatDate } = useOrgI18n();
  const ids = useId();
  const mutation = useChangeUnit(unit.id);
  const tree = useQuery(treeQuery(date));
  const [parentId, setParentId] = useState(unit.parent?.id ?? '');
  const [level, setLevel] = useState('');
  const [validFrom, setValidFrom] = useState(date);
  const [moveLeaderLine, setMoveLeaderLine] = useState(true);
  const [tried, setTried] = useState(false);

  // Not under itself or anything under it; the path above each tells two of the same name apart.
  const options = useMemo(() => {
    if (!tree.data) return [];
    const model = buildUnitTree(tree.data.units, collator);
    return unitPathOptions(tree.data.units, collator.compare, {
      include: (candidate) => candidate.id !== unit.id && !ancestorsOf(model, candidate.id).includes(unit.id),
    });
  }, [tree.data, unit.id, collator]);

  const server = fieldErrors(mutation.error);
  const parentError = tried && !parentId ? t('edit.parentRequired') : server.parentId;
  const dateError = tried && !isIsoDate(validFrom) ? t('edit.dateRequired') : server.validFrom;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!parentId || !isIsoDate(validFrom)) return;
    mutation.mutate({ revision: unit.revision, validFrom, parentId, moveLeaderLine, ...(level ? { level: Number(level) } : {}) });
  };
  return (
    <WriteForm
      onSubmit={submit}
      mutation={mutation}
      onReload={onReload}
      fieldIds={{ parentId: `${ids}-parent`, level: `${ids}-level`, validFrom: `${ids}-from` }}
      submitLabel={t('edit.moveSubmit')}
      success={mutation.isSuccess ? t('edit.savedFrom', { date: formatDate(validFrom) }) : null}
    >
      <EntityCombobox
        id={`${ids}-parent`}
        label={t('edit.newParent')}
        options={options}
        value={parentId}
        onChange={setParentId}
        loading={tree.isPending}
        error={parentError}
      />
      <div>
        <Label htmlFor={`${ids}-level`}>{t('edit.newLevel')}</Label>
        <Select id={`${ids}-level`} value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">{t('edit.keepLevel', { level: unit.level })}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {t('common.levelShort', { level: n })}
            </option>
          ))}
        </Select>
        {server.level && <FieldError id={`${ids}-level-error`}>{server.level}</FieldError>}
      </div>
      <Checkbox
        label={t('edit.moveLeaderLine')}
        description={t('edit.moveLeaderLineHelp')}
        checked={moveLeaderLine}
        onChange={(event) => setMoveLeaderLine(event.target.checked)}
      />
      <ValidFromField id={`${ids}-from`} value={validFrom} onChange={setValidFrom} error={dateError} />
    </WriteForm>
  );
}

function CloseForm({ unit, date, onReload }: FormProps) {
  const { t, date: formatDate } = useOrgI18n();
  const ids = useId();
  const mutation = useCloseUnit(unit.id);
  const [validTo, setValidTo] = useState(date);
  const [tried, setTried] = useState(false);
  const server = fieldErrors(mutation.error);
  const dateError = tried && !isIsoDate(validTo) ? t('edit.dateRequired') : server.validTo;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!isIsoDate(validTo)) return;
    mutation.mutate({ revision: unit.revision, validTo });
  };
  return (
    <WriteForm
      onSubmit={submit}
      mutation={mutation}
      onReload={onReload}
      fieldIds={{ validTo: `${ids}-to` }}
      submitLabel={t('edit.closeSubmit')}
      danger
      success={mutation.isSuccess ? t('edit.closed', { date: formatDate(validTo) }) : null}
    >
      <Paragraph>{t('edit.closeHelp')}</Paragraph>
      <Textfield
        id={`${ids}-to`}
        label={t('edit.closedFrom')}
        description={t('edit.closedFromHelp')}
        type="date"
        value={validTo}
        onChange={(e) => setValidTo(e.target.value)}
        error={dateError}
        required
      />
    </WriteForm>
  );
}

/** The date a change holds from (a new version of the unit from that day). */
function ValidFromField({ id, value, onChange, error }: { id: string; value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useOrgI18n();
  return (
    <Textfield
      id={id}
      label={t('edit.validFrom')}
      description={t('edit.validFromHelp')}
      type="date"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      required
    />
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <ValidationMessage id={id} data-color="danger">
      {children}
    </ValidationMessage>
  );
}

type MutationLike = { isPending: boolean; error: unknown; reset: () => void };

/** A write form: fields, the server's refusal (or «someone else changed it»), the submit button. */
export function WriteForm({
  onSubmit,
  mutation,
  onReload,
  fieldIds,
  submitLabel,
  success,
  danger,
  children,
}: {
  onSubmit: (event: FormEvent) => void;
  mutation: MutationLike;
  onReload: () => void;
  fieldIds: Record<string, string>;
  submitLabel: string;
  success: string | null;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <form className="kp-org-form" onSubmit={onSubmit} noValidate>
      {children}
      <WriteError
        error={mutation.error}
        fieldIds={fieldIds}
        onReload={() => {
          mutation.reset();
          onReload();
        }}
      />
      {success && !mutation.error && (
        <Alert data-color="success" role="status">
          <Paragraph>{success}</Paragraph>
        </Alert>
      )}
      <div className="kp-org-form__actions">
        <Button type="submit" loading={mutation.isPending} data-color={danger ? 'danger' : undefined}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
