import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { hasPermission, useSession } from '../../../web/data/session';
import { AsOfDateForm } from '../../../web/components/as-of-date';
import { DetailPage } from '../../../web/components/detail-page';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import type { PositionDetail } from '../records.schemas';
import { positionQuery } from './api';
import { AssignPersonForm } from './assign-person';
import { LinesTable } from './detail-parts';
import { PositionPostsForm } from './posts/position-posts-form';
import { usePostsI18n } from './posts/posts-i18n';
import { roleKey, todayInNorway, useOrgI18n } from './i18n';
import { EntityLink, OrganisationNav } from './ui';

const route = getRouteApi('/organisasjon/stillinger/$id');

/** A position as of a date: its unit, holders, lines in and out, history. */
export function PositionPage() {
  const { t } = useOrgI18n();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.dato ?? todayInNorway();
  const query = useQuery(positionQuery(id, date));
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'organisation:write');

  return (
    <DetailPage
      query={query}
      fallbackTitle={t('position.fallbackTitle')}
      loadingLabel={t('position.loading')}
      title={(position) => capitalise(position.title)}
      header={
        <>
          <OrganisationNav date={search.dato} />
          <AsOfDateForm date={date} onChange={(dato) => void navigate({ search: { dato } })} />
        </>
      }
    >
      {(position) => (
        <>
          <PositionContent position={position} date={date} />
          {canWrite && (
            <PositionPostsForm key={`posts-${position.id}-${date}`} position={position} date={date} onReload={() => void query.refetch()} />
          )}
          {canWrite && (
            <AssignPersonForm key={`${position.id}-${date}`} position={position} date={date} onReload={() => void query.refetch()} />
          )}
        </>
      )}
    </DetailPage>
  );
}

/** Titles are recorded in lower case ("virksomhetsleder"), as they read inside a sentence. */
function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('nb') + text.slice(1);
}

function PositionContent({ position, date }: { position: PositionDetail; date: string }) {
  const { t, period, number } = useOrgI18n();
  const posts = usePostsI18n();
  const ids = useId();
  const facts = [
    {
      term: t('position.unit'),
      value: (
        <EntityLink kind="unit" id={position.unit.id} date={date}>
          {position.unit.name}
        </EntityLink>
      ),
    },
    { term: t('position.role'), value: t(roleKey(position.roleType)) },
    { term: t('position.personnelResponsibility'), value: position.personnelResponsibility ? t('common.yes') : t('common.no') },
    { term: t('position.independent'), value: position.professionallyIndependent ? t('common.yes') : t('common.no') },
    { term: t('position.postFte'), value: position.fte === null ? t('position.fteUnknown') : number(position.fte) },
    { term: posts.t('position.costCentreFact'), value: position.costCentre ?? posts.t('unknown') },
    { term: t('common.period'), value: period(position.validFrom, position.validTo) },
    ...(position.source ? [{ term: t('common.source'), value: position.source }] : []),
  ];
  return (
    <>
      <Facts items={facts} />
      {position.note && (
        <Paragraph>
          <strong>{t('common.note')}:</strong> {position.note}
        </Paragraph>
      )}
      <section aria-labelledby={`${ids}-holders`} className="kp-org-section">
        <SectionHeading id={`${ids}-holders`}>{t('position.holders')}</SectionHeading>
        {position.vacant && <Paragraph>{t('position.vacantOn')}</Paragraph>}
        <DataTable
          caption={t('position.holdersCaption')}
          headers={[t('person.name'), t('person.share'), t('common.period')]}
          numeric={[1]}
          empty={t('position.noHolders')}
          rows={position.holders.map((holder) => ({
            key: `${holder.personId}-${holder.validFrom}`,
            cells: [
              <EntityLink key="p" kind="person" id={holder.personId} date={date}>
                {holder.name}
              </EntityLink>,
              `${number(holder.fte * 100)} %`,
              period(holder.validFrom, holder.validTo),
            ],
          }))}
        />
      </section>
      <section aria-labelledby={`${ids}-lines`} className="kp-org-section">
        <SectionHeading id={`${ids}-lines`}>{t('unit.lines')}</SectionHeading>
        <LinesTable lines={position.linesOut} date={date} direction="out" showOwn={false} />
        <LinesTable lines={position.linesIn} date={date} direction="in" showOwn={false} />
      </section>
      <section aria-labelledby={`${ids}-history`} className="kp-org-section">
        <SectionHeading id={`${ids}-history`}>{t('unit.history')}</SectionHeading>
        <DataTable
          caption={t('position.historyCaption')}
          headers={[
            t('common.period'),
            t('position.title'),
            t('position.unit'),
            t('position.role'),
            t('position.personnelResponsibility'),
            t('common.fte'),
          ]}
          numeric={[5]}
          empty={t('unit.noHistory')}
          rows={position.history.map((version) => ({
            key: version.validFrom,
            cells: [
              period(version.validFrom, version.validTo),
              version.title,
              version.unitName ? (
                <EntityLink key="u" kind="unit" id={version.unitId} date={version.validFrom}>
                  {version.unitName}
                </EntityLink>
              ) : (
                '–'
              ),
              t(roleKey(version.roleType)),
              version.personnelResponsibility ? t('common.yes') : t('common.no'),
              version.fte === null ? '–' : number(version.fte),
            ],
          }))}
        />
      </section>
    </>
  );
}
