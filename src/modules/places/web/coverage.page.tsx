import { Alert, Button, Dialog, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { Offering } from '../places.schemas';
import { catalogueQuery, coveredClasses, sitesQuery, type Catalogue, type CatalogueService } from './api';
import { CoverageForm, type CoverageTarget, type Sites } from './coverage-form';
import { modeKey, proximityKey, todayInNorway, usePlacesI18n } from './i18n';
import { ServiceForm } from './service-edit';
import { PlacesNav, ServiceLink } from './ui';

/**
 * The coverage matrix: the services recorded per district × the districts. Each cell says where
 * (and how) the service is delivered; editors change a cell, or add the service to a district,
 * in a small form. A form below adds any service to any district's hub.
 */
export function CoveragePage() {
  const { t } = usePlacesI18n();
  const ids = useId();
  const date = todayInNorway();
  const catalogue = useQuery(catalogueQuery(date));
  const sites = useQuery(sitesQuery(date));
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'places:write');
  const reload = () => {
    void catalogue.refetch();
    void sites.refetch();
  };

  return (
    <Page title={t('coverage.title')}>
      <PlacesNav />
      <Paragraph className="kp-lead">{t('coverage.lead')}</Paragraph>
      {!canWrite && (
        <Alert data-color="info">
          <Paragraph>{t('coverage.readOnly')}</Paragraph>
        </Alert>
      )}
      {(catalogue.isPending || sites.isPending) && <Loading label={t('coverage.loading')} />}
      {catalogue.isError && <ErrorAlert error={catalogue.error} onRetry={reload} />}
      {sites.isError && <ErrorAlert error={sites.error} onRetry={reload} />}
      {catalogue.data && sites.data && (
        <>
          <Matrix catalogue={catalogue.data} sites={sites.data.sites} canWrite={canWrite} onReload={reload} />
          {canWrite && (
            <section aria-labelledby={`${ids}-add`} className="kp-places-section">
              <SectionHeading id={`${ids}-add`}>{t('coverage.addHeading')}</SectionHeading>
              <Paragraph>{t('coverage.addHelp')}</Paragraph>
              <CoverageForm
                target={{ kind: 'add' }}
                services={catalogue.data.services}
                districts={catalogue.data.districts}
                sites={sites.data.sites}
                onReload={reload}
              />
            </section>
          )}
          {canWrite && (
            <section aria-labelledby={`${ids}-new`} className="kp-places-section">
              <SectionHeading id={`${ids}-new`}>{t('serviceEdit.newHeading')}</SectionHeading>
              <Paragraph>{t('serviceEdit.newHelp')}</Paragraph>
              <ServiceForm onReload={reload} />
            </section>
          )}
        </>
      )}
    </Page>
  );
}

type Cell = { service: CatalogueService; districtNumber: number; target: CoverageTarget };

function Matrix({ catalogue, sites, canWrite, onReload }: { catalogue: Catalogue; sites: Sites; canWrite: boolean; onReload: () => void }) {
  const { t, collator } = usePlacesI18n();
  const [open, setOpen] = useState<Cell | null>(null);
  const services = useMemo(
    () =>
      catalogue.services
        .filter((service) => coveredClasses.includes(service.proximityClass))
        .sort((a, b) => collator.compare(a.name, b.name)),
    [catalogue.services, collator],
  );
  const others = catalogue.services.length - services.length;
  // Back to the cell's button when the dialog closes: after a save it is a new button («Endre»
  // where it said «Legg til»), so the browser's own return of focus would find nothing.
  const close = (cell: Cell) => {
    setOpen(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-cell="${cell.service.id}:${cell.districtNumber}"]`)?.focus());
  };

  return (
    <>
      <div className="kp-table-scroll kp-places-matrix ds-focus" tabIndex={0} role="region" aria-label={t('coverage.matrixCaption')}>
        <Table data-size="sm" border>
          <caption>{t('coverage.matrixCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('offering.service')}</Table.HeaderCell>
              {catalogue.districts.map((district) => (
                <Table.HeaderCell key={district.number} scope="col" title={district.name}>
                  <span aria-hidden="true">{district.number}</span>
                  <span className="ds-sr-only">{t('district.short', { number: district.number })}</span>
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {services.map((service) => (
              <Table.Row key={service.id} id={`tjeneste-${service.id}`}>
                <Table.HeaderCell scope="row">
                  <ServiceLink id={service.id}>{service.name}</ServiceLink>
                  <span className="kp-places-matrix__class">{t(proximityKey(service.proximityClass))}</span>
                </Table.HeaderCell>
                {catalogue.districts.map((district) => {
                  const here = service.coverage.filter((o) => o.districtNumber === district.number);
                  return (
                    <Table.Cell key={district.number} className="kp-places-matrix__cell" data-covered={here.length > 0 || undefined}>
                      {here.length === 0 && !canWrite ? (
                        <span>
                          <span aria-hidden="true">–</span>
                          <span className="ds-sr-only">{t('coverage.none')}</span>
                        </span>
                      ) : (
                        here.map((offering) => (
                          <CellContent
                            key={offering.coverageId}
                            offering={offering}
                            canWrite={canWrite}
                            label={t('coverage.editCell', { service: service.name, number: district.number })}
                            cell={`${service.id}:${district.number}`}
                            onEdit={() => setOpen({ service, districtNumber: district.number, target: { kind: 'edit', offering } })}
                          />
                        ))
                      )}
                      {canWrite && here.length === 0 && (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          className="kp-places-matrix__add"
                          aria-label={t('coverage.addCell', { service: service.name, number: district.number })}
                          data-cell={`${service.id}:${district.number}`}
                          onClick={() =>
                            setOpen({
                              service,
                              districtNumber: district.number,
                              target: { kind: 'add', serviceId: service.id, districtNumber: district.number },
                            })
                          }
                        >
                          {t('coverage.add')}
                        </Button>
                      )}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {others > 0 && <Paragraph data-size="sm">{t('coverage.others', { count: others })}</Paragraph>}
      {open && <CellDialog cell={open} catalogue={catalogue} sites={sites} onReload={onReload} onClose={() => close(open)} />}
    </>
  );
}

function CellContent({
  offering,
  canWrite,
  label,
  cell,
  onEdit,
}: {
  offering: Offering;
  canWrite: boolean;
  label: string;
  cell: string;
  onEdit: () => void;
}) {
  const { t } = usePlacesI18n();
  const text = [offering.site?.name ?? t('coverage.siteUnknown'), offering.mode ? t(modeKey(offering.mode)) : null]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="kp-places-matrix__entry">
      <span>{text}</span>
      {canWrite && (
        <Button variant="tertiary" data-size="sm" aria-label={label} data-cell={cell} onClick={onEdit}>
          {t('coverage.edit')}
        </Button>
      )}
    </div>
  );
}

/** The small form for one cell, in a modal dialog; closing returns focus to the cell's button. */
function CellDialog({
  cell,
  catalogue,
  sites,
  onReload,
  onClose,
}: {
  cell: Cell;
  catalogue: Catalogue;
  sites: Sites;
  onReload: () => void;
  onClose: () => void;
}) {
  const { t } = usePlacesI18n();
  const headingId = useId();
  const district = catalogue.districts.find((d) => d.number === cell.districtNumber);
  return (
    <Dialog open onClose={onClose} aria-labelledby={headingId} closeButton={t('coverage.close')} closedby="any">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t(cell.target.kind === 'add' ? 'coverage.addDialogTitle' : 'coverage.editDialogTitle', {
            service: cell.service.name,
            number: cell.districtNumber,
            name: district?.name ?? '',
          })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <CoverageForm
          target={cell.target}
          services={catalogue.services}
          districts={catalogue.districts}
          sites={sites}
          onReload={() => {
            onReload();
            onClose();
          }}
        />
      </Dialog.Block>
    </Dialog>
  );
}
