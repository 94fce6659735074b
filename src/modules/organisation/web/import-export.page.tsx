import './import-export/import-export.css';
import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { ExportPanel } from '../../../web/components/import-export/export-panel';
import { ImportPanel } from '../../../web/components/import-export/import-panel';
import { Page } from '../../../web/components/page';
import { apiRequest } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { ImportView } from '../import-export.schemas';
import { scenariosQuery } from './api';
import { todayInNorway } from './i18n';
import { useImportExportI18n } from './import-export/i18n';
import { entities, PlanView } from './import-export/plan-view';
import { maxUploadBytes, uploadImport } from './import-export/upload';
import { OrganisationNav } from './ui';

/**
 * Import and export of the organisation (route /organisasjon/import-eksport). Everyone who reads
 * the organisation may export it; importing needs organisation:write, as the API does. The panels
 * are the kit's; the dry run is kept by the server, so «Importer» only names it.
 */
export function ImportExportPage() {
  const { t, date } = useImportExportI18n();
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'organisation:write');
  // Scenarios are drafts, read by those who may edit the organisation.
  const scenarios = useQuery({ ...scenariosQuery(), enabled: canWrite });
  const choices = (scenarios.data?.items ?? []).filter((s) => s.status !== 'discarded');
  const entityChoices = entities.map((value) => ({ value, label: t(`entity.${value}`) }));
  const today = todayInNorway();

  return (
    <Page title={t('page.title')}>
      <OrganisationNav />
      <Paragraph className="kp-lead">{t('page.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('page.format')}</Paragraph>
      <ExportPanel
        today={today}
        entities={entityChoices}
        defaultEntity="units"
        sources={{
          label: t('export.what'),
          dateOption: t('export.whatDate'),
          options: choices.map((s) => ({ value: s.id, label: t('export.whatScenario', { name: s.name, date: date(s.effectiveDate) }) })),
        }}
        href={({ date: asOf, source, format, entity }) => {
          const params = new URLSearchParams({ format });
          if (source) params.set('scenario', source);
          else if (asOf) params.set('date', asOf);
          if (entity) params.set('entity', entity);
          return `/api/organisation/export?${params.toString()}`;
        }}
      />
      {canWrite ? (
        <ImportPanel
          entities={entityChoices}
          maxBytes={maxUploadBytes}
          validFromLabel={t('import.validFrom')}
          validFromHelp={t('import.validFromHelp')}
          today={today}
          dryRun={uploadImport}
          apply={({ report }) =>
            apiRequest<ImportView>('POST', `/api/organisation/imports/${encodeURIComponent(report.id)}/apply`, {
              revision: report.revision,
            })
          }
          canApply={(view) => view.status === 'planned' && view.canApply}
          invalidates={['organisation']}
          renderReport={(props) => <PlanView {...props} />}
        />
      ) : (
        <section className="kp-org-section">
          <Paragraph>{t('import.noAccess')}</Paragraph>
        </section>
      )}
    </Page>
  );
}
