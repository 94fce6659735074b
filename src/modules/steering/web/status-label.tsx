import type { Status } from '../indicators.schemas';
import { useSteeringI18n } from './i18n';

/** A status as text and colour (never colour alone). */
export function StatusLabel({ status }: { status: Status }) {
  const { t } = useSteeringI18n();
  return <span className={`kp-st-status kp-st-status--${status}`}>{t(`indicators.status.${status}`)}</span>;
}
