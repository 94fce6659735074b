import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { AsOfDateForm } from '../../../web/components/as-of-date';
import { DetailPage } from '../../../web/components/detail-page';
import { SectionHeading } from '../../../web/components/section-heading';
import type { PersonDetail } from '../records.schemas';
import { personQuery } from './api';
import { LinesTable } from './detail-parts';
import { todayInNorway, useOrgI18n } from './i18n';
import { EntityLink, OrganisationNav } from './ui';

const route = getRouteApi('/organisasjon/personer/$id');

/** A person: assignments past, current and future, and the lines of what they hold on the date. */
export function PersonPage() {
  const { t } = useOrgI18n();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.dato ?? todayInNorway();
  const query = useQuery(personQuery(id, date));
  return (
    <DetailPage
      query={query}
      fallbackTitle={t('person.fallbackTitle')}
      loadingLabel={t('person.loading')}
      title={(person) => person.name}
      header={
        <>
          <OrganisationNav date={search.dato} />
          <AsOfDateForm date={date} onChange={(dato) => void navigate({ search: { dato } })} />
        </>
      }
    >
      {(person) => <PersonContent person={person} date={date} />}
    </DetailPage>
  );
}

function PersonContent({ person, date }: { person: PersonDetail; date: string }) {
  const { t, period, number } = useOrgI18n();
  const ids = useId();
  return (
    <>
      {person.synthetic && <Paragraph className="kp-muted">{t('person.synthetic')}</Paragraph>}
      {person.source && (
        <Paragraph>
          <strong>{t('common.source')}:</strong> {person.source}
        </Paragraph>
      )}
      <section aria-labelledby={`${ids}-assignments`} className="kp-org-section">
        <SectionHeading id={`${ids}-assignments`}>{t('person.assignments')}</SectionHeading>
        <DataTable
          caption={t('person.assignmentsCaption', { name: person.name })}
          headers={[t('position.title'), t('position.unit'), t('person.share'), t('common.period'), t('person.current')]}
          numeric={[2]}
          empty={t('person.noAssignments')}
          rows={person.assignments.map((assignment) => ({
            key: `${assignment.positionId}-${assignment.validFrom}`,
            cells: [
              <EntityLink key="p" kind="position" id={assignment.positionId} date={assignment.current ? date : assignment.validFrom}>
                {assignment.positionTitle}
              </EntityLink>,
              assignment.unitName ? (
                <EntityLink key="u" kind="unit" id={assignment.unitId} date={assignment.current ? date : assignment.validFrom}>
                  {assignment.unitName}
                </EntityLink>
              ) : (
                '–'
              ),
              `${number(assignment.fte * 100)} %`,
              period(assignment.validFrom, assignment.validTo),
              assignment.current ? t('common.yes') : t('common.no'),
            ],
          }))}
        />
      </section>
      <section aria-labelledby={`${ids}-lines`} className="kp-org-section">
        <SectionHeading id={`${ids}-lines`}>{t('person.lines')}</SectionHeading>
        <LinesTable lines={person.lines.filter((line) => line.direction === 'out')} date={date} direction="out" showOwn />
        <LinesTable lines={person.lines.filter((line) => line.direction === 'in')} date={date} direction="in" showOwn />
      </section>
    </>
  );
}
