import './import-export/import-export.css';
import { Paragraph } from '@digdir/designsystemet-react';
import { Page } from '../../../web/components/page';
import { hasPermission, useSession } from '../../../web/data/session';
import { ExportPanel } from './import-export/export-panel';
import { useImportExportI18n } from './import-export/i18n';
import { ImportPanel } from './import-export/import-panel';
import { OrganisationNav } from './ui';

/**
 * Import and export of the organisation (route /organisasjon/import-eksport). Everyone who reads
 * the organisation may export it; importing needs organisation:write, as the API does.
 */
export function ImportExportPage() {
  const { t } = useImportExportI18n();
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'organisation:write');
  return (
    <Page title={t('page.title')}>
      <OrganisationNav />
      <Paragraph className="kp-lead">{t('page.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('page.format')}</Paragraph>
      <ExportPanel canReadScenarios={canWrite} />
      {canWrite ? (
        <ImportPanel csrfToken={session?.csrfToken ?? null} />
      ) : (
        <section className="kp-org-section">
          <Paragraph>{t('import.noAccess')}</Paragraph>
        </section>
      )}
    </Page>
  );
}
