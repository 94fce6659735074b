import { Button, Fieldset, Heading, Label, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { EntityCombobox } from '../../../web/components/combobox/combobox';
import { benefitTypes, type Benefit, type BenefitType, type NewBenefitBody } from '../benefits.schemas';
import { ownerOptionsQuery, useAddBenefit } from './benefits-api';
import { FormErrors, isDate, parseNumber, today, typeKey, useFieldIds, type Problems } from './benefit-form-parts';
import { usePortfolioI18n } from './i18n';

// The form that adds a benefit to an initiative's register.

function addYear(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y) + 1}-${m}-${d === '29' && m === '02' ? '28' : d}`;
}

export function AddBenefitForm({
  initiativeId,
  onCancel,
  onSaved,
}: {
  initiativeId: string;
  onCancel: () => void;
  onSaved: (benefit: Benefit) => void;
}) {
  const { t, collator } = usePortfolioI18n();
  const fieldIds = useFieldIds();
  const owners = useQuery(ownerOptionsQuery);
  const mutation = useAddBenefit(initiativeId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [problems, setProblems] = useState<Problems>([]);
  const [form, setForm] = useState({
    title: '',
    type: 'money' as BenefitType,
    indicator: '',
    unitOfMeasure: '',
    baselineValue: '',
    baselineDate: today(),
    targetValue: '',
    annualValue: '',
    ownerKey: '',
    expectedDate: addYear(today()),
    actions: '',
    assumptions: '',
    planned: true,
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => headingRef.current?.focus(), []);

  const ownerList = useMemo(
    () => [...(owners.data?.owners ?? [])].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.unit.name, b.unit.name)),
    [owners.data, collator],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = [];
    const baseline = parseNumber(form.baselineValue);
    const target = parseNumber(form.targetValue);
    const annual = form.annualValue.trim() === '' ? null : parseNumber(form.annualValue);
    if (!form.title.trim()) found.push(['title', t('benefits.problem.title')]);
    if (!form.indicator.trim()) found.push(['indicator', t('benefits.problem.indicator')]);
    if (baseline === null) found.push(['baselineValue', t('benefits.problem.number')]);
    if (!isDate(form.baselineDate)) found.push(['baselineDate', t('benefits.problem.date')]);
    if (target === null) found.push(['targetValue', t('benefits.problem.number')]);
    else if (baseline !== null && target === baseline) found.push(['targetValue', t('benefits.problem.sameTarget')]);
    if (form.annualValue.trim() !== '' && (annual === null || annual < 0)) found.push(['annualValue', t('benefits.problem.annual')]);
    if (!form.ownerKey) found.push(['ownerPersonId', t('benefits.problem.owner')]);
    if (!isDate(form.expectedDate)) found.push(['expectedDate', t('benefits.problem.date')]);
    else if (isDate(form.baselineDate) && form.expectedDate <= form.baselineDate)
      found.push(['expectedDate', t('benefits.problem.expectedAfter')]);
    setProblems(found);
    if (found.length > 0) return;
    const body: NewBenefitBody = {
      title: form.title.trim(),
      type: form.type,
      indicator: form.indicator.trim(),
      unitOfMeasure: form.unitOfMeasure.trim(),
      baselineValue: baseline!,
      baselineDate: form.baselineDate,
      targetValue: target!,
      annualValue: annual,
      ownerPersonId: form.ownerKey.split('|')[0]!,
      expectedDate: form.expectedDate,
      actions: form.actions,
      assumptions: form.assumptions,
      planned: form.planned,
    };
    mutation
      .mutateAsync(body)
      .then(onSaved)
      .catch(() => {});
  };
  const problemFor = (name: string) => problems.find(([n]) => n === name)?.[1];

  return (
    <form className="kp-pf-benefit-form" onSubmit={submit} noValidate aria-labelledby={`${fieldIds.title}-heading`}>
      <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1} id={`${fieldIds.title}-heading`}>
        {t('benefits.addHeading')}
      </Heading>
      <FormErrors heading={t('benefits.failed')} problems={problems} error={mutation.error} fieldIds={fieldIds} />
      <Textfield
        id={fieldIds.title}
        label={t('benefits.field.title')}
        value={form.title}
        onChange={(e) => set({ title: e.target.value })}
        error={problemFor('title')}
      />
      <div className="kp-pf-benefit-form__row">
        <div>
          <Label htmlFor={fieldIds.type}>{t('benefits.field.type')}</Label>
          <Select id={fieldIds.type} value={form.type} onChange={(e) => set({ type: e.target.value as BenefitType })}>
            {benefitTypes.map((type) => (
              <option key={type} value={type}>
                {t(typeKey(type))}
              </option>
            ))}
          </Select>
        </div>
        <Textfield
          id={fieldIds.indicator}
          label={t('benefits.field.indicator')}
          value={form.indicator}
          onChange={(e) => set({ indicator: e.target.value })}
          error={problemFor('indicator')}
        />
        <Textfield
          id={fieldIds.unitOfMeasure}
          label={t('benefits.field.unit')}
          description={t('benefits.field.unitHelp')}
          value={form.unitOfMeasure}
          onChange={(e) => set({ unitOfMeasure: e.target.value })}
        />
      </div>
      <div className="kp-pf-benefit-form__row">
        <Textfield
          id={fieldIds.baselineValue}
          label={t('benefits.field.baselineValue')}
          inputMode="decimal"
          value={form.baselineValue}
          onChange={(e) => set({ baselineValue: e.target.value })}
          error={problemFor('baselineValue')}
        />
        <Textfield
          id={fieldIds.baselineDate}
          label={t('benefits.field.baselineDate')}
          type="date"
          value={form.baselineDate}
          onChange={(e) => set({ baselineDate: e.target.value })}
          error={problemFor('baselineDate')}
        />
        <Textfield
          id={fieldIds.targetValue}
          label={t('benefits.field.targetValue')}
          inputMode="decimal"
          value={form.targetValue}
          onChange={(e) => set({ targetValue: e.target.value })}
          error={problemFor('targetValue')}
        />
        <Textfield
          id={fieldIds.expectedDate}
          label={t('benefits.field.expectedDate')}
          type="date"
          value={form.expectedDate}
          onChange={(e) => set({ expectedDate: e.target.value })}
          error={problemFor('expectedDate')}
        />
      </div>
      <Textfield
        id={fieldIds.annualValue}
        label={t('benefits.field.annualValue')}
        description={t('benefits.field.annualHelp')}
        inputMode="decimal"
        value={form.annualValue}
        onChange={(e) => set({ annualValue: e.target.value })}
        error={problemFor('annualValue')}
      />
      <EntityCombobox
        id={fieldIds.ownerPersonId!}
        label={t('benefits.field.owner')}
        options={ownerList.map((o) => ({ value: `${o.personId}|${o.unit.id}`, label: `${o.name} – ${o.title}, ${o.unit.name}` }))}
        value={form.ownerKey}
        onChange={(ownerKey) => set({ ownerKey })}
        error={problemFor('ownerPersonId')}
      />
      <Textfield
        id={fieldIds.actions}
        multiline
        rows={3}
        label={t('benefits.field.actions')}
        value={form.actions}
        onChange={(e) => set({ actions: e.target.value })}
      />
      <Textfield
        id={fieldIds.assumptions}
        multiline
        rows={3}
        label={t('benefits.field.assumptions')}
        value={form.assumptions}
        onChange={(e) => set({ assumptions: e.target.value })}
      />
      <Fieldset>
        <Fieldset.Legend>{t('benefits.field.plannedLegend')}</Fieldset.Legend>
        <Radio
          name={`${fieldIds.title}-planned`}
          label={t('benefits.field.planned')}
          value="planned"
          checked={form.planned}
          onChange={() => set({ planned: true })}
        />
        <Radio
          name={`${fieldIds.title}-planned`}
          label={t('benefits.field.unplanned')}
          value="unplanned"
          checked={!form.planned}
          onChange={() => set({ planned: false })}
        />
      </Fieldset>
      <div className="kp-pf-benefit-form__actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('benefits.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('benefits.cancel')}
        </Button>
      </div>
    </form>
  );
}
