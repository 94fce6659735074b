import { Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';

/** An import report's tables show this many rows; the API has them all. */
export const shownRows = 500;

/** «Showing the first 500 of 1 200.» under a report table that was cut, nothing otherwise. */
export function ShownNote({ total }: { total: number }) {
  const { t } = useI18n();
  if (total <= shownRows) return null;
  return <Paragraph data-size="sm">{t('import.shown', { shown: shownRows, total })}</Paragraph>;
}
