import { SkipLink } from '@digdir/designsystemet-react';
import { Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';
import { Footer } from './footer';
import { Header } from './header';

/** The frame around every page: skip link first, then header, main content and footer. */
export function AppLayout() {
  const { t } = useI18n();
  const router = useRouter();

  // After a client-side navigation to another page, move focus to its h1, so
  // screen reader and keyboard users learn that the page changed and start
  // reading there. Not on the first load (the browser starts at the top, with
  // the skip link first), and not when only the query changes (filters, paging).
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        if (!event.fromLocation || !event.pathChanged) return;
        requestAnimationFrame(() => document.querySelector<HTMLElement>('#main h1')?.focus());
      }),
    [router],
  );

  return (
    <div className="kp-app">
      <SkipLink href="#main">{t('app.skipToMain')}</SkipLink>
      <Header />
      {/* tabIndex -1 lets the skip link move focus here, not just scroll. */}
      <main id="main" tabIndex={-1} className="kp-main kp-container">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
