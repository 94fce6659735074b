import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { forwardRef } from 'react';
import type { ImportChange, ImportEntity, ImportView } from '../../import-export.schemas';
import { DataTable } from '../detail-parts';
import { entities } from './export-panel';
import { useImportExportI18n } from './i18n';

/** The tables show this many rows; the API has them all. */
const shownRows = 500;

/** The dry run: what the file would do, and every problem by row and column. */
export const PlanView = forwardRef<HTMLHeadingElement, { view: ImportView; onReplan: () => void; replanning: boolean }>(function PlanView(
  { view, onReplan, replanning },
  headingRef,
) {
  const { t, date, language } = useImportExportI18n();
  const { plan } = view;
  const sum = (field: 'create' | 'change' | 'unchanged') => entities.reduce((total, entity) => total + plan.counts[entity][field], 0);
  const problemCount = plan.problems.length + plan.problemsLeftOut;
  const entityLabel = (entity: ImportEntity | null) => (entity ? t(`entity.${entity}`) : '');
  const shown = (value: string | null) => value ?? t('value.empty');

  return (
    <div className="kp-org-section">
      <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1}>
        {t('plan.heading', { name: view.fileName })}
      </Heading>
      <Paragraph>
        {t('plan.summary', { date: date(view.validFrom), create: sum('create'), change: sum('change'), unchanged: sum('unchanged') })}
      </Paragraph>

      {view.status === 'applied' && view.result ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('plan.applied', { ...view.result })}</Paragraph>
        </Alert>
      ) : problemCount > 0 ? (
        <Alert data-color="danger">
          <Paragraph>{problemCount === 1 ? t('plan.problemOne') : t('plan.problems', { count: problemCount })}</Paragraph>
          {plan.stoppedEarly && <Paragraph>{t('plan.stoppedEarly')}</Paragraph>}
        </Alert>
      ) : view.baseChanged ? (
        <Alert data-color="warning">
          <Paragraph>{t('plan.baseChanged')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={onReplan} loading={replanning}>
            {t('plan.replan')}
          </Button>
        </Alert>
      ) : (
        <Alert data-color="info">
          <Paragraph>{plan.changes.length === 0 ? t('plan.nothing') : t('plan.ready')}</Paragraph>
        </Alert>
      )}
      {plan.ignoredSheets.length > 0 && (
        <Paragraph data-size="sm">{t('plan.ignoredSheets', { names: plan.ignoredSheets.join(', ') })}</Paragraph>
      )}

      <DataTable
        caption={t('counts.caption')}
        headers={[
          t('counts.entity'),
          t('counts.rows'),
          t('counts.create'),
          t('counts.change'),
          t('counts.unchanged'),
          t('counts.withProblems'),
          t('counts.notInFile'),
        ]}
        numeric={[1, 2, 3, 4, 5, 6]}
        empty=""
        rows={entities
          .filter((entity) => plan.counts[entity].rows > 0)
          .map((entity) => {
            const c = plan.counts[entity];
            return [entityLabel(entity), c.rows, c.create, c.change, c.unchanged, c.withProblems, c.notInFile];
          })}
      />

      {problemCount > 0 && (
        <>
          <DataTable
            caption={t('problems.caption')}
            headers={[t('problems.where'), t('problems.row'), t('problems.column'), t('problems.message')]}
            numeric={[1]}
            empty=""
            rows={plan.problems
              .slice(0, shownRows)
              .map((problem) => [
                problem.sheet ? `${problem.file} – ${problem.sheet}` : problem.file,
                problem.row ?? '',
                problem.column ?? '',
                problem.message[language],
              ])}
          />
          {plan.problems.length > shownRows && (
            <Paragraph data-size="sm">{t('plan.shown', { shown: shownRows, total: plan.problems.length })}</Paragraph>
          )}
          {plan.problemsLeftOut > 0 && <Paragraph data-size="sm">{t('plan.problemsLeftOut', { count: plan.problemsLeftOut })}</Paragraph>}
        </>
      )}

      <DataTable
        caption={t('changes.caption')}
        headers={[t('changes.entity'), t('changes.row'), t('changes.action'), t('changes.label'), t('changes.fields')]}
        numeric={[1]}
        empty={t('changes.empty')}
        rows={plan.changes.slice(0, shownRows).map((change: ImportChange) => [
          entityLabel(change.entity),
          change.row ?? '',
          t(`action.${change.action}`),
          change.label,
          <ul className="kp-import-fields" key="fields">
            {/* A new entry lists only the values it gets. */}
            {change.fields
              .filter((field) => change.action !== 'create' || field.after !== null)
              .map((field) => (
                <li key={field.field}>
                  <code>{field.field}</code>:{' '}
                  {change.action === 'create' ? shown(field.after) : `${shown(field.before)} → ${shown(field.after)}`}
                </li>
              ))}
          </ul>,
        ])}
      />
      {plan.changes.length > shownRows && (
        <Paragraph data-size="sm">{t('plan.shown', { shown: shownRows, total: plan.changes.length })}</Paragraph>
      )}
    </div>
  );
});
