import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { forwardRef } from 'react';
import { ShownNote, shownRows } from '../../../web/components/import-export/report';
import {
  placesEntities as entities,
  type ImportFieldChange,
  type ImportReport,
  type PlacesEntity,
  type PlacesImportView,
} from '../import-export.schemas';
import { usePlacesI18n } from './i18n';
import { DataTable } from '../../../web/components/data-table';

/**
 * What an import did or would do: per entity how many rows are new, changed and unchanged, every
 * problem by entity, row and column, and every change: per row each column old → new, what is
 * cleared («tømmes»), and what is left as it is. `refused`: an apply the server turned down.
 */
export const ImportReportView = forwardRef<HTMLHeadingElement, { report: ImportReport; refused: boolean }>(function ImportReportView(
  { report, refused },
  headingRef,
) {
  const { t, date, pick } = usePlacesI18n();
  const sum = (field: 'created' | 'changed' | 'unchanged') => entities.reduce((total, entity) => total + report.counts[entity][field], 0);
  const problems = report.problems.length;
  const entityLabel = (entity: PlacesEntity | null) => (entity ? t(`entity.${entity}`) : t('importReport.wholeFile'));
  const fieldText = ({ column, before, after }: ImportFieldChange) =>
    after === null
      ? t('importReport.fieldCleared', { column, before: before ?? '' })
      : before === null
        ? t('importReport.fieldSet', { column, after })
        : t('importReport.fieldChanged', { column, before, after });
  const baseChanged = (report as Partial<PlacesImportView>).baseChanged === true;

  return (
    <div className="kp-places-section">
      <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1}>
        {t(report.applied ? 'importReport.appliedHeading' : 'importReport.dryRunHeading', { name: report.fileName })}
      </Heading>
      <Paragraph>
        {t(report.applied ? 'importReport.appliedSummary' : 'importReport.summary', {
          date: date(report.validFrom),
          created: sum('created'),
          changed: sum('changed'),
          unchanged: sum('unchanged'),
        })}
      </Paragraph>
      {report.applied ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('importReport.applied', { created: sum('created'), changed: sum('changed') })}</Paragraph>
        </Alert>
      ) : problems > 0 ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>
            {refused ? t('importReport.refused') + ' ' : ''}
            {problems === 1 ? t('importReport.problemOne') : t('importReport.problems', { count: problems })}
          </Paragraph>
        </Alert>
      ) : baseChanged ? (
        <Alert data-color="warning" role="status">
          <Paragraph>{t('importReport.baseChanged')}</Paragraph>
        </Alert>
      ) : (
        <Alert data-color="info" role="status">
          <Paragraph>{report.changes.length === 0 ? t('importReport.nothing') : t('importReport.ready')}</Paragraph>
        </Alert>
      )}

      <DataTable
        caption={t('importReport.countsCaption')}
        headers={[
          t('importReport.entity'),
          t('importReport.rows'),
          t('importReport.created'),
          t('importReport.changed'),
          t('importReport.unchanged'),
        ]}
        empty={t('importReport.noRows')}
        rowHeaders
        rows={entities
          .filter((entity) => report.counts[entity].rows > 0)
          .map((entity) => {
            const c = report.counts[entity];
            return { key: entity, cells: [entityLabel(entity), c.rows, c.created, c.changed, c.unchanged] };
          })}
      />

      {problems > 0 && (
        <>
          <DataTable
            caption={t('importReport.problemsCaption')}
            headers={[t('importReport.entity'), t('importReport.row'), t('importReport.column'), t('importReport.problem')]}
            empty=""
            rows={report.problems.slice(0, shownRows).map((problem, index) => ({
              key: String(index),
              cells: [entityLabel(problem.entity), problem.row ?? '', problem.column ?? '', pick(problem.message)],
            }))}
          />
          <ShownNote total={problems} />
        </>
      )}

      <DataTable
        caption={report.applied ? t('importReport.changesDoneCaption') : t('importReport.changesCaption')}
        headers={[
          t('importReport.entity'),
          t('importReport.row'),
          t('importReport.key'),
          t('importReport.action'),
          t('importReport.columns'),
          t('importReport.left'),
        ]}
        empty={t('importReport.noChanges')}
        rows={report.changes.slice(0, shownRows).map((change) => ({
          key: `${change.entity}:${change.row}:${change.key}`,
          cells: [
            entityLabel(change.entity),
            change.row,
            <code key="key">{change.key}</code>,
            t(change.action === 'create' ? 'importReport.actionCreate' : 'importReport.actionChange'),
            <ul key="fields" className="kp-places-import-fields">
              {change.fields.map((field) => (
                <li key={field.column}>{fieldText(field)}</li>
              ))}
            </ul>,
            change.left.join(', '),
          ],
        }))}
      />
      <ShownNote total={report.changes.length} />
    </div>
  );
});
