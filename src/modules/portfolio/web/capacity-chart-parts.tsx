import { Button, Heading, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { BarChart } from '../../../web/components/charts/bar-chart';
import type { CapacityReport, PoolRole } from '../pool.schemas';
import type { PortfolioI18n } from './i18n';
import { peopleShown, percent, roleKey, RoleOptions } from './pool-member-parts';

// The pool's capacity for 12 months: bars per role (allocated, with capacity as a mark across each
// month's bar) and a table per person.

export function RoleCharts({ report, i18n }: { report: CapacityReport; i18n: PortfolioI18n }) {
  const { t, number } = i18n;
  return (
    <section aria-labelledby="kp-pf-roles-title">
      <SectionHeading id="kp-pf-roles-title">{t('prioritisation.pool.chartRoles')}</SectionHeading>
      <Paragraph data-size="sm">{t('prioritisation.pool.chartDesc')}</Paragraph>
      {report.roles
        .filter((r) => r.members > 0)
        .map((role) => {
          const name = t(roleKey(role.role));
          return (
            <div key={role.role}>
              <Heading level={3} data-size="2xs">
                {name} ({role.members})
              </Heading>
              {/* The table below is the chart's text alternative; the heading above is its caption. */}
              <BarChart
                title={name}
                description={t('prioritisation.pool.chartDesc')}
                caption={false}
                categories={role.cells.map((c) => i18n.month(c.month))}
                series={[{ name: t('prioritisation.pool.allocatedCol'), values: role.cells.map((c) => c.allocated) }]}
                thresholds={role.cells.map((c) => c.capacity)}
                thresholdLabel={t('prioritisation.pool.capacityCol')}
                flagged={role.cells.map((c) => c.over)}
                flagText={t('prioritisation.pool.over')}
                format={number}
              />
              <div className="kp-table-scroll" tabIndex={0}>
                <Table data-size="sm">
                  <caption className="kp-pf-visually-hidden">{name}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('prioritisation.pool.month')}</Table.HeaderCell>
                      {role.cells.map((c) => (
                        <Table.HeaderCell key={c.month} className="kp-pf-num">
                          {i18n.month(c.month)}
                        </Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    <Table.Row>
                      <Table.HeaderCell scope="row">{t('prioritisation.pool.capacityCol')}</Table.HeaderCell>
                      {role.cells.map((c) => (
                        <Table.Cell key={c.month} className="kp-pf-num">
                          {number(c.capacity)}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                    <Table.Row>
                      <Table.HeaderCell scope="row">{t('prioritisation.pool.allocatedCol')}</Table.HeaderCell>
                      {role.cells.map((c, i) => (
                        <Table.Cell key={c.month} className={`kp-pf-num ${c.over ? 'kp-pf-over' : ''}`}>
                          {number(c.allocated)}
                          {role.overPeople[i]! > 0 && ` (${t('prioritisation.pool.overPeople', { n: role.overPeople[i]! })})`}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  </Table.Body>
                </Table>
              </div>
            </div>
          );
        })}
    </section>
  );
}

export function PeopleTable({ report, i18n }: { report: CapacityReport; i18n: PortfolioI18n }) {
  const { t } = i18n;
  const [role, setRole] = useState<PoolRole | ''>('');
  const [all, setAll] = useState(false);
  const people = report.people.filter((p) => !role || p.role === role).sort((a, b) => b.overCount - a.overCount);
  const shown = all ? people : people.slice(0, peopleShown);
  return (
    <section aria-labelledby="kp-pf-people-title">
      <SectionHeading id="kp-pf-people-title">{t('prioritisation.pool.chartPeople')}</SectionHeading>
      <div className="kp-pf-form">
        <label htmlFor="kp-pf-role-filter">{t('prioritisation.pool.filterRole')}</label>
        <Select id="kp-pf-role-filter" value={role} onChange={(e) => setRole(e.target.value as PoolRole | '')}>
          <Select.Option value="">{t('prioritisation.pool.allRoles')}</Select.Option>
          <RoleOptions t={t} />
        </Select>
      </div>
      <div className="kp-table-scroll" tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption>{t('prioritisation.pool.peopleCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('prioritisation.pool.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('prioritisation.pool.role')}</Table.HeaderCell>
              {report.months.map((m) => (
                <Table.HeaderCell key={m} className="kp-pf-num">
                  {i18n.month(m)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((p) => (
              <Table.Row key={p.memberId}>
                <Table.HeaderCell scope="row">{p.name}</Table.HeaderCell>
                <Table.Cell>{t(roleKey(p.role))}</Table.Cell>
                {p.cells.map((c) => (
                  <Table.Cell key={c.month} className={`kp-pf-num ${c.over ? 'kp-pf-over' : ''}`}>
                    {percent(c.allocated)} / {percent(c.capacity)}
                    {c.over && (
                      <>
                        {' '}
                        <Tag data-color="danger" data-size="sm">
                          {t('prioritisation.pool.over')}
                        </Tag>
                      </>
                    )}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {people.length > shown.length && (
        <Paragraph>
          {t('prioritisation.pool.showPeople', { shown: shown.length, n: people.length })}{' '}
          <Button variant="secondary" data-size="sm" onClick={() => setAll(true)}>
            {t('prioritisation.showAll', { n: people.length })}
          </Button>
        </Paragraph>
      )}
    </section>
  );
}
