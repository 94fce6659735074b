import { Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * What a list or section says when it has nothing to show, with an optional way on (a link or a
 * button). Loading is `Loading` in ./status.
 *
 * @example <EmptyState action={<Link href="/lederstotte/ny">{t('requests.new')}</Link>}>{t('requests.none')}</EmptyState>
 */
export function EmptyState({ children, action }: { children?: ReactNode; action?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="kp-empty">
      <Paragraph>{children ?? t('kit.empty')}</Paragraph>
      {action}
    </div>
  );
}
