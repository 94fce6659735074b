import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useId } from 'react';
import { AsOfDateForm } from '../../../web/components/as-of-date';
import { DataTable } from '../../../web/components/data-table';
import { DetailPage } from '../../../web/components/detail-page';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import type { PersonCard, PersonCardPosition } from '../people.schemas';
import { lineTypeKey, todayInNorway, useOrgI18n } from './i18n';
import { personCardQuery } from './people-api';
import { PersonPhoto } from './people-parts';
import { EntityLink, OrganisationNav } from './ui';

const route = getRouteApi('/organisasjon/personer/$id');

/** The person card: who they are, what they hold on the date, under whom, how to reach them, and what they held before. */
export function PersonPage() {
  const { t } = useOrgI18n();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.dato ?? todayInNorway();
  const query = useQuery(personCardQuery(id, date));
  return (
    <DetailPage
      query={query}
      fallbackTitle={t('person.fallbackTitle')}
      loadingLabel={t('card.loading')}
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

function PersonContent({ person, date }: { person: PersonCard; date: string }) {
  const { t, date: formatDate, period, number } = useOrgI18n();
  const ids = useId();
  const signIn = person.signIn;
  return (
    <>
      <div className="kp-people-card-head">
        <PersonPhoto name={person.name} photo={person.photo} size="lg" />
        {person.synthetic && <Paragraph className="kp-muted">{t('people.syntheticLong')}</Paragraph>}
      </div>
      <section aria-labelledby={`${ids}-facts`} className="kp-org-section">
        <SectionHeading id={`${ids}-facts`}>{t('card.facts')}</SectionHeading>
        <Facts
          items={[
            { term: t('card.employeeNumber'), value: person.key },
            ...(person.source ? [{ term: t('card.source'), value: person.source }] : []),
            {
              term: t('card.signIn'),
              value: signIn
                ? t(signIn.disabled ? 'card.signInDisabled' : 'card.signInActive', { name: signIn.displayName, username: signIn.username })
                : t('card.noSignIn'),
            },
            {
              term: t('card.contact'),
              value:
                person.contact.length === 0 ? (
                  t('card.noContact')
                ) : (
                  <ul className="kp-people-list">
                    {person.contact.map((item) => (
                      <li key={`${item.kind}-${item.value}`}>
                        {t(item.kind === 'email' ? 'card.email' : 'card.phone')}:{' '}
                        <a href={item.kind === 'email' ? `mailto:${item.value}` : `tel:${item.value.replace(/\s+/g, '')}`}>{item.value}</a>{' '}
                        <span className="kp-muted">({t(item.from === 'sign_in' ? 'card.from.sign_in' : 'card.from.hr_feed')})</span>
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      </section>

      <section aria-labelledby={`${ids}-positions`} className="kp-org-section">
        <SectionHeading id={`${ids}-positions`}>{t('card.positions', { date: formatDate(date) })}</SectionHeading>
        {person.positions.length === 0 ? (
          <Paragraph>{t('card.noPositions')}</Paragraph>
        ) : (
          <ul className="kp-people-positions">
            {person.positions.map((position) => (
              <li key={position.assignmentId}>
                <HeldPosition position={position} date={date} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${ids}-history`} className="kp-org-section">
        <SectionHeading id={`${ids}-history`}>{t('card.history')}</SectionHeading>
        <DataTable
          caption={t('card.historyCaption', { name: person.name })}
          headers={[t('card.position'), t('card.unit'), t('card.share'), t('card.period')]}
          numeric={[2]}
          empty={t('card.noHistory')}
          rows={person.history.map((item) => {
            // The position and unit as they were during the assignment: linked on a day it held.
            const day = item.validFrom <= date && (item.validTo === null || item.validTo > date) ? date : item.validFrom;
            return {
              key: item.assignmentId,
              cells: [
                <EntityLink key="p" kind="position" id={item.positionId} date={day}>
                  {item.title}
                </EntityLink>,
                item.unitId ? (
                  <EntityLink key="u" kind="unit" id={item.unitId} date={day}>
                    {item.unitName}
                  </EntityLink>
                ) : (
                  '–'
                ),
                `${number(item.fte * 100)} %`,
                period(item.validFrom, item.validTo),
              ],
            };
          })}
        />
      </section>
    </>
  );
}

function HeldPosition({ position, date }: { position: PersonCardPosition; date: string }) {
  const { t, number, date: formatDate } = useOrgI18n();
  return (
    <article>
      <Heading level={3} data-size="xs">
        <EntityLink kind="position" id={position.positionId} date={date}>
          {position.title}
        </EntityLink>
      </Heading>
      <Facts
        items={[
          { term: t('card.share'), value: `${number(position.fte * 100)} %` },
          {
            term: t('card.unitPath'),
            value: (
              <ol className="kp-people-path" aria-label={t('card.unitPathLabel')}>
                {position.unitPath.map((unit) => (
                  <li key={unit.id}>
                    <EntityLink kind="unit" id={unit.id} date={date}>
                      {unit.name}
                    </EntityLink>
                  </li>
                ))}
              </ol>
            ),
          },
          {
            term: t('card.personnelLeader'),
            value: position.personnelLeader ? <OtherEnd end={position.personnelLeader} date={date} /> : t('card.noPersonnelLine'),
          },
          {
            term: t('card.otherLines'),
            value:
              position.otherLines.length === 0 ? (
                t('card.noOtherLines')
              ) : (
                <ul className="kp-people-list">
                  {position.otherLines.map((line) => (
                    <li key={`${line.type}-${line.positionId}`}>
                      {t(lineTypeKey(line.type))}: <OtherEnd end={line} date={date} />
                    </li>
                  ))}
                </ul>
              ),
          },
          { term: t('card.since'), value: formatDate(position.validFrom) },
        ]}
      />
    </article>
  );
}

/** Who holds the position a line goes to («ledig» when nobody does), and the position itself. */
function OtherEnd({ end, date }: { end: NonNullable<PersonCardPosition['personnelLeader']>; date: string }) {
  const { t } = useOrgI18n();
  return (
    <>
      {end.holders.length === 0 ? (
        <strong>{t('card.vacant')}</strong>
      ) : (
        end.holders.map((holder, index) => (
          <Fragment key={holder.personId}>
            {index > 0 && ', '}
            <EntityLink kind="person" id={holder.personId} date={date}>
              {holder.name}
            </EntityLink>
          </Fragment>
        ))
      )}{' '}
      (
      <EntityLink kind="position" id={end.positionId} date={date}>
        {t('card.leaderHeld', { title: end.title, unit: end.unitName })}
      </EntityLink>
      )
    </>
  );
}
