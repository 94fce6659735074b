import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link as RouterLink } from '@tanstack/react-router';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { hasPermission, useSession } from '../../../web/data/session';
import { AsOfDateForm } from '../../../web/components/as-of-date';
import { DetailPage } from '../../../web/components/detail-page';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import type { UnitDetail } from '../records.schemas';
import { unitQuery } from './api';
import { LinesTable } from './detail-parts';
import { classificationKey, kindKey, roleKey, todayInNorway, useOrgI18n } from './i18n';
import { EntityLink, Holders, OrganisationNav } from './ui';
import { UnitEditor } from './unit-edit';
import { UnitPosts } from './posts/unit-posts';

const route = getRouteApi('/organisasjon/enheter/$id');

/** A unit as of a date: leader, positions and holders, sub-units, lines, districts, history. */
export function UnitPage() {
  const { t } = useOrgI18n();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.dato ?? todayInNorway();
  const query = useQuery(unitQuery(id, date));
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'organisation:write');

  return (
    <DetailPage
      query={query}
      fallbackTitle={t('unit.fallbackTitle')}
      loadingLabel={t('unit.loading')}
      title={(unit) => unit.name}
      header={
        <>
          <OrganisationNav date={search.dato} />
          <AsOfDateForm date={date} onChange={(dato) => void navigate({ search: { dato } })} />
        </>
      }
    >
      {(unit) => (
        <>
          <UnitContent unit={unit} date={date} />
          <UnitPosts unit={unit} date={date} canWrite={canWrite} />
          {canWrite && <UnitEditor key={`${unit.id}-${date}`} unit={unit} date={date} onReload={() => void query.refetch()} />}
        </>
      )}
    </DetailPage>
  );
}

function UnitContent({ unit, date }: { unit: UnitDetail; date: string }) {
  const i18n = useOrgI18n();
  const { t, period, number } = i18n;
  const ids = useId();
  const facts = [
    { term: t('unit.kind'), value: t(kindKey(unit.kind)) },
    { term: t('unit.level'), value: t('common.levelShort', { level: unit.level }) },
    { term: t('unit.classification'), value: t(classificationKey(unit.classification)) },
    {
      term: t('unit.parent'),
      value: unit.parent ? (
        <EntityLink kind="unit" id={unit.parent.id} date={date}>
          {unit.parent.name}
        </EntityLink>
      ) : (
        t('unit.noParent')
      ),
    },
    {
      term: t('unit.districts'),
      value:
        unit.districts.length > 0
          ? unit.districts.map((district) => t('unit.district', { number: district })).join(', ')
          : t('unit.noDistricts'),
    },
    { term: t('common.period'), value: period(unit.validFrom, unit.validTo) },
    ...(unit.hrUnitId ? [{ term: t('unit.hrUnitId'), value: unit.hrUnitId }] : []),
    ...(unit.ansvarNumber ? [{ term: t('unit.ansvarNumber'), value: unit.ansvarNumber }] : []),
    ...(unit.organisationNumber ? [{ term: t('unit.organisationNumber'), value: unit.organisationNumber }] : []),
    ...(unit.kostraFunction ? [{ term: t('unit.kostraFunction'), value: unit.kostraFunction }] : []),
    ...(unit.source ? [{ term: t('common.source'), value: unit.source }] : []),
  ];

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/organisasjon" search={{ dato: date, fokus: unit.id }}>
            {t('unit.showInChart')}
          </RouterLink>
        </Link>
      </Paragraph>
      {!unit.nameKnown && <Paragraph className="kp-muted">{t('unit.nameUnknown')}</Paragraph>}
      <Facts items={facts} />
      {unit.note && (
        <Paragraph>
          <strong>{t('common.note')}:</strong> {unit.note}
        </Paragraph>
      )}
      {unit.levelException && (
        <Paragraph>
          <strong>{t('unit.levelException')}:</strong> {unit.levelException.reason}
        </Paragraph>
      )}

      <section aria-labelledby={`${ids}-leader`} className="kp-org-section">
        <SectionHeading id={`${ids}-leader`}>{t('unit.leader')}</SectionHeading>
        {unit.leader ? (
          <Paragraph>
            <EntityLink kind="position" id={unit.leader.positionId} date={date}>
              {unit.leader.title}
            </EntityLink>
            {': '}
            <Holders holders={unit.leader.holders} date={date} />
          </Paragraph>
        ) : (
          <Paragraph>{t('unit.noLeader')}</Paragraph>
        )}
      </section>

      <section aria-labelledby={`${ids}-positions`} className="kp-org-section">
        <SectionHeading id={`${ids}-positions`}>{t('unit.positions', { count: unit.positions.length })}</SectionHeading>
        <DataTable
          caption={t('unit.positionsCaption', { name: unit.name })}
          headers={[t('position.title'), t('position.role'), t('position.personnelResponsibility'), t('common.fte'), t('position.holders')]}
          numeric={[3]}
          empty={t('unit.noPositions')}
          rows={unit.positions.map((position) => ({
            key: position.id,
            cells: [
              <EntityLink key="p" kind="position" id={position.id} date={date}>
                {position.title}
              </EntityLink>,
              t(roleKey(position.roleType)),
              position.personnelResponsibility ? t('common.yes') : t('common.no'),
              position.fte === null ? '–' : number(position.fte),
              <Holders key="h" holders={position.holders} date={date} />,
            ],
          }))}
        />
      </section>

      <section aria-labelledby={`${ids}-children`} className="kp-org-section">
        <SectionHeading id={`${ids}-children`}>{t('unit.children', { count: unit.children.length })}</SectionHeading>
        {unit.children.length === 0 ? (
          <Paragraph>{t('unit.noChildren')}</Paragraph>
        ) : (
          <ul>
            {unit.children.map((child) => (
              <li key={child.id}>
                <EntityLink kind="unit" id={child.id} date={date}>
                  {child.name}
                </EntityLink>{' '}
                <span className="kp-muted">
                  ({t(kindKey(child.kind))}, {t('common.levelN', { level: child.level })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${ids}-lines`} className="kp-org-section">
        <SectionHeading id={`${ids}-lines`}>{t('unit.lines')}</SectionHeading>
        <LinesTable lines={unit.linesOut} date={date} direction="out" showOwn />
        <LinesTable lines={unit.linesIn} date={date} direction="in" showOwn />
      </section>

      <section aria-labelledby={`${ids}-history`} className="kp-org-section">
        <SectionHeading id={`${ids}-history`}>{t('unit.history')}</SectionHeading>
        <DataTable
          caption={t('unit.historyCaption')}
          headers={[t('common.period'), t('unit.name'), t('unit.parent'), t('unit.level'), t('unit.kind'), t('unit.classification')]}
          empty={t('unit.noHistory')}
          rows={unit.history.map((version) => ({
            key: version.validFrom,
            cells: [
              period(version.validFrom, version.validTo),
              version.name,
              version.parentId && version.parentName ? (
                <EntityLink key="parent" kind="unit" id={version.parentId} date={version.validFrom}>
                  {version.parentName}
                </EntityLink>
              ) : (
                t('unit.noParent')
              ),
              version.level,
              t(kindKey(version.kind)),
              t(classificationKey(version.classification)),
            ],
          }))}
        />
      </section>
    </>
  );
}
