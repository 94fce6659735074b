// Inter, self-hosted. Only the weights the theme uses (regular, medium,
// semibold), and only the Latin subsets: æ, ø, å are in "latin"; "latin-ext"
// covers e.g. Sámi letters and is only downloaded when a page needs it.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-ext-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-ext-600.css';
import '@digdir/designsystemet-css';
// Designsystemet's custom elements and polyfills (ds-field, ds-pagination,
// card click delegation, details on Firefox+TalkBack, …), once for the whole app.
import '@digdir/designsystemet-web';
import './theme/drammen.css';
import './styles/shell.css';
import './components/kit.css';

import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setApiLanguage } from './data/client';
import { sessionQuery } from './data/session';
import { I18nProvider, initialLanguage } from './i18n/i18n';
import { createAppRouter } from './router';

const language = initialLanguage();
setApiLanguage(language);
document.documentElement.lang = language;

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 on any other request means the session has ended (expired, or
    // signed out in another tab): re-read it, then re-check the current
    // route, which sends the user to sign-in if the page needs it.
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'session') {
        void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }).then(() => router.invalidate());
      }
    },
  }),
  defaultOptions: {
    queries: {
      // Retry once for network and server errors; a 4xx will not change by retrying.
      retry: (failureCount, error) => failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={language} onChange={setApiLanguage}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
