import { Heading } from '@digdir/designsystemet-react';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Frame for every page: the single h1, and the document title
 * ("<title> – Knutepunkt"). `documentTitle` overrides the h1 text in the title.
 * The h1 can take focus (tabIndex -1): AppLayout moves focus there after a navigation.
 */
export function Page({ title, documentTitle, children }: { title: string; documentTitle?: string; children?: ReactNode }) {
  const { t } = useI18n();
  const fullTitle = `${documentTitle ?? title} – ${t('app.name')}`;

  useEffect(() => {
    document.title = fullTitle;
  }, [fullTitle]);

  return (
    <div className="kp-page">
      <Heading level={1} data-size="lg" tabIndex={-1} className="kp-page__title">
        {title}
      </Heading>
      {children}
    </div>
  );
}
