import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { ExportPanel } from '../../../web/components/import-export/export-panel';
import { ImportPanel } from '../../../web/components/import-export/import-panel';
import { Page } from '../../../web/components/page';
import { hasPermission, useSession } from '../../../web/data/session';
import { placesEntities, type ImportReport, type PlacesEntity } from '../import-export.schemas';
import { useMayEditWholeMunicipality } from './api';
import { todayInNorway, usePlacesI18n } from './i18n';
import { ImportReportView } from './import-report';
import { applyPlacesImport, mayApply, maxUploadBytes, reportOf, uploadPlacesImport } from './import-upload';
import { PlacesNav } from './ui';

/**
 * Import and export of places (route /steder-og-tjenester/import-eksport, docs/formats/places.md).
 * Everyone who reads places may export; importing needs places:write, as the API does. The panels
 * are the kit's; the upload runs the dry run, and «Importer» carries out that dry run by its id.
 */
export function PlacesImportExportPage() {
  const { t } = usePlacesI18n();
  const { data: session } = useSession();
  // An editor limited to an area may not import: a file can change any district.
  const mayImport = useMayEditWholeMunicipality();
  const limitedEditor = hasPermission(session, 'places:write') && mayImport === false;
  const entities = placesEntities.map((value) => ({ value, label: t(`entity.${value}`) }));
  const today = todayInNorway();
  return (
    <Page title={t('importExport.title')}>
      <PlacesNav />
      <Paragraph className="kp-lead">{t('importExport.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('importExport.format')}</Paragraph>
      <ExportPanel
        today={today}
        entities={entities}
        defaultEntity="services"
        href={({ date, format, entity }) => {
          const params = new URLSearchParams({ date: date ?? '', format });
          if (entity) params.set('entity', entity);
          return `/api/places/export?${params.toString()}`;
        }}
      />
      {mayImport === undefined ? null : mayImport ? (
        <ImportPanel<PlacesEntity, ImportReport>
          entities={entities}
          maxBytes={maxUploadBytes}
          validFromLabel={t('import.validFrom')}
          validFromHelp={t('import.validFromHelp')}
          today={today}
          intro={<Paragraph>{t('import.help')}</Paragraph>}
          dryRun={(choice, context) => uploadPlacesImport(choice, context)}
          apply={({ report }) => applyPlacesImport(report)}
          refusal={reportOf}
          canApply={mayApply}
          invalidates={['places']}
          renderReport={({ report, outcome, headingRef }) => (
            <ImportReportView ref={headingRef} report={report} refused={outcome === 'refused'} />
          )}
        />
      ) : (
        <section className="kp-places-section">
          <Alert data-color="info">
            <Paragraph>{t(limitedEditor ? 'import.wholeMunicipality' : 'import.noAccess')}</Paragraph>
          </Alert>
        </section>
      )}
    </Page>
  );
}
