import { Paragraph } from '@digdir/designsystemet-react';
import type { DecisionOutcome, DecisionPoint, Light, Phase } from '../board.schemas';
import { usePortfolioI18n, type PortfolioI18n, type PortfolioKey } from './i18n';
import './board.css';

// What the board's parts share: the names of phases, states, outcomes and decision points, the
// traffic lights, and the polite announcement after a write.

export const points: DecisionPoint[] = ['BP1', 'BP2', 'BP3', 'BP4', 'BP5'];
const phaseOrder: Phase[] = ['idea', 'concept', 'planning', 'execution', 'closing', 'realisation'];
export const outcomes: DecisionOutcome[] = ['approve', 'return', 'pause', 'stop'];
export const lightKinds = ['scope', 'time', 'cost', 'benefits'] as const;
export type LightKind = (typeof lightKinds)[number];

export const phaseName = (t: PortfolioI18n['t'], phase: Phase) => t(`board.phase.${phase}` as PortfolioKey);
export const stateName = (t: PortfolioI18n['t'], state: string) => t(`board.state.${state}` as PortfolioKey);
export const outcomeName = (t: PortfolioI18n['t'], outcome: DecisionOutcome) => t(`board.outcome.${outcome}` as PortfolioKey);
/** «BP2: Konsept → Planlegge» */
export function pointName(t: PortfolioI18n['t'], point: DecisionPoint): string {
  const index = points.indexOf(point);
  return t('board.point', { point, from: phaseName(t, phaseOrder[index]!), to: phaseName(t, phaseOrder[index + 1]!) });
}

/** A traffic light as text and colour (the colour never carries the meaning alone). */
export function LightBadge({ kind, light }: { kind: LightKind; light: Light }) {
  const { t } = usePortfolioI18n();
  return (
    <span className={`kp-pf-light kp-pf-light--${light}`}>
      <span className="kp-pf-light__dot" aria-hidden="true" />
      {t(`board.light.${kind}` as PortfolioKey)}: {t(`board.light.${light}` as PortfolioKey)}
    </span>
  );
}

export function Lights({ report }: { report: { scopeLight: Light; timeLight: Light; costLight: Light; benefitsLight: Light } }) {
  const { t } = usePortfolioI18n();
  return (
    <ul className="kp-pf-lights" aria-label={t('board.reports.lights')}>
      {lightKinds.map((kind) => (
        <li key={kind}>
          <LightBadge kind={kind} light={report[`${kind}Light`]} />
        </li>
      ))}
    </ul>
  );
}

export function Announce({ message }: { message: string | null }) {
  return (
    <div role="status" className="kp-pf-announce">
      {message && <Paragraph>{message}</Paragraph>}
    </div>
  );
}
