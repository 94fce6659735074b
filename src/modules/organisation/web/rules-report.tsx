import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import type { AcceptedFinding, RuleEntity, RuleFinding } from '../rules.schemas';
import { ruleKey, useOrgI18n } from './i18n';
import { EntityLink } from './ui';
import { ruleIds, type RuleId } from './vocabulary';

/** Severity in words and with an icon shape, never by colour alone. */
export function Severity({ severity }: { severity: RuleFinding['severity'] }) {
  const { t } = useOrgI18n();
  return (
    <Tag data-color={severity === 'error' ? 'danger' : 'warning'} data-size="sm" className="kp-severity">
      <span aria-hidden="true">{severity === 'error' ? '✖' : '▲'}</span>
      {severity === 'error' ? t('rules.error') : t('rules.warning')}
    </Tag>
  );
}

/** Findings grouped by rule, in the order the rules are listed; rules that hold are listed as such. */
export function FindingsByRule({ findings, date, headingLevel = 2 }: { findings: RuleFinding[]; date: string; headingLevel?: 2 | 3 }) {
  const { t, pick } = useOrgI18n();
  const ids = useId();
  const byRule = new Map<RuleId, RuleFinding[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.rule);
    if (list) list.push(finding);
    else byRule.set(finding.rule, [finding]);
  }
  const broken = ruleIds.filter((rule) => byRule.has(rule));
  const holding = ruleIds.filter((rule) => !byRule.has(rule));
  const Heading = headingLevel === 2 ? SectionHeading : SubHeading;
  return (
    <>
      {broken.map((rule) => {
        const list = byRule.get(rule)!;
        const headingId = `${ids}-${rule}`;
        return (
          <section key={rule} aria-labelledby={headingId} className="kp-org-section" data-rule={rule}>
            <Heading id={headingId}>
              {t(ruleKey(rule))} ({list.length})
            </Heading>
            <ul className="kp-finding-list">
              {list.map((finding, index) => (
                <li key={index}>
                  <div className="kp-actions-row">
                    <Severity severity={finding.severity} />
                    <span>{pick(finding.message)}</span>
                  </div>
                  <EntityLinks entities={finding.entities} date={date} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {holding.length > 0 && (
        <section aria-labelledby={`${ids}-holding`} className="kp-org-section">
          <Heading id={`${ids}-holding`}>{t('rules.holding', { count: holding.length })}</Heading>
          <ul>
            {holding.map((rule) => (
              <li key={rule}>
                <span aria-hidden="true">✓ </span>
                {t(ruleKey(rule))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** What a finding concerns, linked; a person by name (their positions are listed beside them). */
function EntityLinks({ entities, date }: { entities: RuleEntity[]; date: string }) {
  const { t } = useOrgI18n();
  if (!entities.some((entity) => entity.type !== 'line')) return null;
  const label = { unit: t('rules.unit'), position: t('rules.position'), person: t('rules.person') } as const;
  return (
    <ul className="kp-entity-links" aria-label={t('rules.concerns')}>
      {entities.map((entity) =>
        entity.type === 'line' ? null : (
          <li key={`${entity.type}-${entity.id}`}>
            <span className="kp-muted">{label[entity.type]}: </span>
            {entity.type === 'person' ? (
              entity.name
            ) : (
              <EntityLink kind={entity.type} id={entity.id} date={date}>
                {entity.name}
              </EntityLink>
            )}
          </li>
        ),
      )}
    </ul>
  );
}

/** Findings an exception or an FTE override excuses: shown with the reason, not counted. */
export function AcceptedFindings({ accepted, date }: { accepted: AcceptedFinding[]; date: string }) {
  const { t, pick } = useOrgI18n();
  const ids = useId();
  if (accepted.length === 0) return null;
  return (
    <section aria-labelledby={`${ids}-accepted`} className="kp-org-section" data-rule="accepted">
      <SectionHeading id={`${ids}-accepted`}>{t('rules.accepted', { count: accepted.length })}</SectionHeading>
      <Paragraph>{t('rules.acceptedLead')}</Paragraph>
      <ul className="kp-finding-list">
        {accepted.map(({ finding, reason }, index) => (
          <li key={index}>
            <Paragraph>
              <strong>{t(ruleKey(finding.rule))}</strong>: {pick(finding.message)}
            </Paragraph>
            <Paragraph data-size="sm">
              <span className="kp-muted">{t('rules.acceptedReason')}</span> {reason}
            </Paragraph>
            <EntityLinks entities={finding.entities} date={date} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SubHeading({ id, children }: { id?: string; children: React.ReactNode }) {
  return (
    <h3 id={id} className="kp-org-subheading">
      {children}
    </h3>
  );
}

export function FindingsSummary({ errors, warnings }: { errors: number; warnings: number }) {
  const { t } = useOrgI18n();
  return (
    <Paragraph role="status" data-size="lg">
      {errors === 0 && warnings === 0 ? t('rules.allHold') : t('rules.summary', { errors, warnings })}
    </Paragraph>
  );
}
