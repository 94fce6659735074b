import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import type { ImportReportProps } from '../../../../web/components/import-export/import-panel';
import { ShownNote, shownRows } from '../../../../web/components/import-export/report';
import { ErrorAlert } from '../../../../web/components/status';
import { apiRequest } from '../../../../web/data/client';
import type { ImportChange, ImportEntity, ImportView } from '../../import-export.schemas';
import { DataTable } from '../../../../web/components/data-table';
import { useImportExportI18n } from './i18n';

export const entities: ImportEntity[] = ['units', 'positions', 'people', 'assignments', 'lines'];

/** The dry run (or the import done): what the file would do, and every problem by row and column. */
export function PlanView({ report: view, headingRef, replace }: ImportReportProps<ImportView>) {
  const { t, date, language } = useImportExportI18n();
  // The organisation changed after the dry run: the server tries the same file again.
  const replan = useMutation({
    mutationFn: () =>
      apiRequest<ImportView>('POST', `/api/organisation/imports/${encodeURIComponent(view.id)}/plan`, { revision: view.revision }),
    onSuccess: replace,
  });
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
          <Button variant="secondary" data-size="sm" onClick={() => replan.mutate()} loading={replan.isPending}>
            {t('plan.replan')}
          </Button>
        </Alert>
      ) : (
        <Alert data-color="info">
          <Paragraph>{plan.changes.length === 0 ? t('plan.nothing') : t('plan.ready')}</Paragraph>
        </Alert>
      )}
      {replan.error !== null && <ErrorAlert error={replan.error} />}
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
            return { key: entity, cells: [entityLabel(entity), c.rows, c.create, c.change, c.unchanged, c.withProblems, c.notInFile] };
          })}
      />

      {problemCount > 0 && (
        <>
          <DataTable
            caption={t('problems.caption')}
            headers={[t('problems.where'), t('problems.row'), t('problems.column'), t('problems.message')]}
            numeric={[1]}
            empty=""
            rows={plan.problems.slice(0, shownRows).map((problem, index) => ({
              key: String(index),
              cells: [
                problem.sheet ? `${problem.file} – ${problem.sheet}` : problem.file,
                problem.row ?? '',
                problem.column ?? '',
                problem.message[language],
              ],
            }))}
          />
          <ShownNote total={plan.problems.length} />
          {plan.problemsLeftOut > 0 && <Paragraph data-size="sm">{t('plan.problemsLeftOut', { count: plan.problemsLeftOut })}</Paragraph>}
        </>
      )}

      <DataTable
        caption={t('changes.caption')}
        headers={[t('changes.entity'), t('changes.row'), t('changes.action'), t('changes.label'), t('changes.fields')]}
        numeric={[1]}
        empty={t('changes.empty')}
        rows={plan.changes.slice(0, shownRows).map((change: ImportChange, index) => ({
          key: String(index),
          cells: [
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
          ],
        }))}
      />
      <ShownNote total={plan.changes.length} />
    </div>
  );
}
