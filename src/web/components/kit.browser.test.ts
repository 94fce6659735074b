/// <reference lib="dom" />
// [KIT][A11Y]: one check per piece of the kit (src/web/components), without the app: each piece is
// rendered to HTML in Node (react-dom/server), put into Debian's Chromium (through playwright-core)
// with the app's CSS and Designsystemet's custom elements, and checked with axe and for what a user
// relies on. Pieces that need a router or the query cache get a memory router or a QueryClient.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Fragment, createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// Designsystemet's custom elements (ds-field wires labels and descriptions, ds-error-summary,
// ds-pagination, the Suggestion's combobox), as main.tsx loads them: the self-contained UMD build.
import customElements from '../../../node_modules/@digdir/designsystemet-web/dist/umd/index.js?raw';
import { ApiError } from '../data/client';
import { sessionQuery } from '../data/session';
import { I18nProvider } from '../i18n/i18n';
import { AsOfDateForm } from './as-of-date';
import { BarChart } from './charts/bar-chart';
import { LineChart } from './charts/line-chart';
import { ScatterChart } from './charts/scatter-chart';
import { Sparkline } from './charts/sparkline';
import { StackedBarChart } from './charts/stacked-bar-chart';
import { EntityCombobox } from './combobox/combobox';
import { DataTable } from './data-table';
import { DatedFormEnd } from './dated-form-end';
import { DetailPage } from './detail-page';
import { EmptyState } from './empty-state';
import { Facts } from './facts';
import { FormField, type FieldControl } from './form-field';
import { ExportPanel } from './import-export/export-panel';
import { ImportPanel } from './import-export/import-panel';
import { ProgressBar } from './import-export/progress';
import { ShownNote } from './import-export/report';
import { ModuleNav } from './module-nav';
import { Page as PageFrame } from './page';
import { PageNavigation } from './pagination';
import { ProblemSummary } from './problem-summary';
import { ErrorPage, PendingPage } from './route-states';
import { SectionHeading } from './section-heading';
import { ErrorAlert, Loading } from './status';
import { WriteError } from './write-error';
import { expectNoAxeViolations } from '../../../test/helpers/axe';

// The app's CSS, in main.tsx's order, then the pieces' own files. Playwright reads each file from
// disk and inlines it in a <style>. (Vitest empties a CSS module, so `?raw` cannot read these.)
const styles = [
  '../../../node_modules/@digdir/designsystemet-css/dist/src/index.css',
  '../theme/drammen.css',
  '../styles/shell.css',
  './kit.css',
  './module-nav.css',
  './charts/charts.css',
  './import-export/import-export.css',
].map((file) => decodeURIComponent(new URL(file, import.meta.url).pathname));

const noop = () => {};
const idle = { error: null, isSuccess: false, isPending: false, reset: noop };
const stale = () => new ApiError(409, 'stale', 'Utdatert revisjon');

let browser: Browser;
let context: BrowserContext;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: import.meta.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The piece as HTML, inside the providers every page has (bokmål) and a query cache when asked for. */
function render(node: ReactNode, queryClient?: QueryClient): string {
  const inner = queryClient ? h(QueryClientProvider, { client: queryClient }, node) : node;
  return renderToStaticMarkup(h(I18nProvider, { initial: 'nb', children: inner }));
}

/** A page in the app's frame (html lang, a title, the main landmark) holding `markup`, styled as the app. */
async function open(markup: string, title: string): Promise<Page> {
  const page = await context.newPage();
  pages.push(page);
  page.setDefaultTimeout(10_000);
  await page.setContent(
    `<!doctype html><html lang="nb" data-color-scheme="auto"><head><meta charset="utf-8"><title>${title} – Knutepunkt</title></head>` +
      `<body><div class="kp-app"><main id="main" tabindex="-1" class="kp-main kp-container">${markup}</main></div>` +
      `<script>${customElements}</script></body></html>`,
  );
  for (const path of styles) await page.addStyleTag({ path });
  return page;
}

/** Renders the piece and opens it in a page. */
async function show(title: string, node: ReactNode, queryClient?: QueryClient): Promise<Page> {
  return open(render(node, queryClient), title);
}

/** A query cache that already knows the session, so nothing asks the server. */
function cacheWithSession(permissions: string[] = []): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(sessionQuery.queryKey, {
    user: { id: 'u1', username: 'leder', displayName: 'Demo Leder', roles: ['leader'], permissions },
    csrfToken: 'token',
  });
  return client;
}

/** `node` at `path` in a memory router (for pieces that read the location or the router), as HTML. */
async function renderInRouter(path: string, paths: string[], node: () => ReactNode, queryClient: QueryClient): Promise<string> {
  const rootRoute = createRootRoute({ component: () => node() });
  const routeTree = rootRoute.addChildren(paths.map((to) => createRoute({ getParentRoute: () => rootRoute, path: to })));
  const router = createRouter({ routeTree, history: createMemoryHistory({ initialEntries: [path] }) });
  await router.load();
  return render(h(RouterProvider, { router }), queryClient);
}

describe('[KIT][PAGES]', () => {
  it('Page: the one h1, which takes focus after a navigation', async () => {
    const page = await show('Side', h(PageFrame, { title: 'Hjemmetjenesten' }, h('p', null, 'Innhold')));
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toBe('Hjemmetjenesten');
    expect(await heading.getAttribute('tabindex')).toBe('-1');
    await expectNoAxeViolations(page, 'Page');
  });

  it('SectionHeading: an h2 with the kit class and its id', async () => {
    const page = await show('Seksjon', h(SectionHeading, { id: 'stillinger', className: 'egen', children: 'Stillinger' }));
    const heading = page.getByRole('heading', { level: 2, name: 'Stillinger' });
    expect(await heading.getAttribute('id')).toBe('stillinger');
    expect(await heading.getAttribute('class')).toContain('kp-section__heading');
    expect(await heading.getAttribute('class')).toContain('egen');
    await expectNoAxeViolations(page, 'SectionHeading');
  });

  it('Facts: a term and value pair per fact', async () => {
    const items = [
      { term: 'Nivå', value: '3' },
      { term: 'Leder', value: h('a', { href: '#leder' }, 'Kari Nordmann') },
      { term: 'Org.nr.', value: '944 382 038' },
    ];
    const page = await show('Fakta', h(Facts, { items }));
    const pairs = page.locator('dl.kp-facts > .kp-facts__item');
    expect(await pairs.count()).toBe(3);
    expect(await pairs.locator('dt').allTextContents()).toEqual(['Nivå', 'Leder', 'Org.nr.']);
    expect(await pairs.locator('dd').allTextContents()).toEqual(['3', 'Kari Nordmann', '944 382 038']);
    expect(await page.getByRole('link', { name: 'Kari Nordmann' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'Facts');
  });

  it('DataTable: a captioned table with row headers, or the empty text in words', async () => {
    const rows = [
      { key: '1', cells: ['Skolehelsetjenesten', 'Mandag 08–15', '1 204'] },
      { key: '2', cells: ['Helsestasjon', 'Tirsdag 09–14', '87'] },
    ];
    const page = await show(
      'Tabell',
      h(
        Fragment,
        null,
        h(DataTable, {
          caption: 'Tjenester',
          headers: ['Tjeneste', 'Åpent', 'Brukere'],
          rows,
          empty: 'Ingen tjenester.',
          rowHeaders: true,
          numeric: [2],
        }),
        h(DataTable, { caption: 'Avtaler', headers: ['Avtale'], rows: [], empty: 'Ingen avtaler.' }),
      ),
    );
    const table = page.getByRole('table', { name: 'Tjenester' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Tjeneste', 'Åpent', 'Brukere']);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Skolehelsetjenesten', 'Helsestasjon']);
    expect(await table.getByRole('cell').allTextContents()).toEqual(['Mandag 08–15', '1 204', 'Tirsdag 09–14', '87']);
    // Numbers line up at the right.
    expect(await table.getByRole('cell', { name: '87' }).evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('end');
    expect(await table.getByRole('columnheader', { name: 'Brukere' }).evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('end');
    expect(await page.getByRole('table').count()).toBe(1);
    expect(await page.getByText('Avtaler: Ingen avtaler.').count()).toBe(1);
    await expectNoAxeViolations(page, 'DataTable');
  });

  it('EmptyState: the kit’s words by default, or the list’s own with a way on', async () => {
    const page = await show(
      'Tomt',
      h(
        Fragment,
        null,
        h(EmptyState),
        h(EmptyState, { action: h('a', { href: '/lederstotte/ny' }, 'Ny henvendelse') }, 'Ingen henvendelser ennå.'),
      ),
    );
    expect(await page.getByText('Her er det ingenting ennå.').count()).toBe(1);
    expect(await page.getByText('Ingen henvendelser ennå.').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Ny henvendelse' }).getAttribute('href')).toBe('/lederstotte/ny');
    await expectNoAxeViolations(page, 'EmptyState');
  });

  it('Loading and ErrorAlert: a status with its label; the server’s message with «Prøv igjen»', async () => {
    const page = await show(
      'Status',
      h(
        Fragment,
        null,
        h(Loading, { label: 'Laster enheter …' }),
        h(ErrorAlert, { error: new ApiError(503, 'unavailable', 'Tjenesten er midlertidig utilgjengelig.'), onRetry: noop }),
      ),
    );
    expect(await page.getByRole('status').textContent()).toBe('Laster enheter …');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Tjenesten er midlertidig utilgjengelig.');
    expect(await alert.getByRole('button', { name: 'Prøv igjen' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'Loading and ErrorAlert');

    const plain = await show('Status', h(Fragment, null, h(Loading), h(ErrorAlert, { error: new Error('boom') })));
    expect(await plain.getByRole('status').textContent()).toBe('Laster …');
    // Not the programmer's message: the kit's general one, and no retry without onRetry.
    expect(await plain.getByRole('alert').textContent()).not.toContain('boom');
    expect(await plain.getByRole('button').count()).toBe(0);
  });

  it('PendingPage: a status while a page loads', async () => {
    const page = await show('Laster', h(PendingPage));
    expect(await page.getByRole('status').textContent()).toBe('Laster inn siden …');
    await expectNoAxeViolations(page, 'PendingPage');
  });

  describe('DetailPage', () => {
    type Hub = { name: string };
    const frame = (query: Parameters<typeof DetailPage<Hub>>[0]['query']) =>
      h(DetailPage<Hub>, {
        query,
        fallbackTitle: 'Knutepunkt',
        loadingLabel: 'Laster knutepunktet …',
        title: (hub) => hub.name,
        children: (hub) => h('p', null, `Om ${hub.name}`),
      });
    const refetch = () => Promise.reject(new Error('not here'));

    it('while loading: the fallback title and a status', async () => {
      const page = await show('Laster', frame({ isPending: true, isError: false, error: null, data: undefined, refetch }));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Knutepunkt');
      expect(await page.getByRole('status').textContent()).toBe('Laster knutepunktet …');
      await expectNoAxeViolations(page, 'DetailPage pending');
    });

    it('404: «Fant ikke siden», the message and no retry', async () => {
      const error = new ApiError(404, 'not_found', 'Fant ikke knutepunktet.');
      const page = await show('Fant ikke siden', frame({ isPending: false, isError: true, error, data: undefined, refetch }));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fant ikke siden');
      expect(await page.getByRole('alert').textContent()).toContain('Fant ikke knutepunktet.');
      expect(await page.getByRole('button').count()).toBe(0);
      await expectNoAxeViolations(page, 'DetailPage not found');
    });

    it('another error: the fallback title and «Prøv igjen»', async () => {
      const error = new ApiError(500, 'internal', 'Noe gikk galt på serveren.');
      const page = await show('Feil', frame({ isPending: false, isError: true, error, data: undefined, refetch }));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Knutepunkt');
      expect(await page.getByRole('alert').getByRole('button', { name: 'Prøv igjen' }).count()).toBe(1);
      await expectNoAxeViolations(page, 'DetailPage error');
    });

    it('with the record: its title and the page', async () => {
      const data = { name: 'Fjell knutepunkt' };
      const page = await show('Fjell', frame({ isPending: false, isError: false, error: null, data, refetch }));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fjell knutepunkt');
      expect(await page.getByText('Om Fjell knutepunkt').count()).toBe(1);
      await expectNoAxeViolations(page, 'DetailPage data');
    });
  });

  it('ModuleNav: the pages the user may open, the current one marked', async () => {
    const links = [
      { to: '/lederstotte', label: 'Oversikt', permission: 'authenticated', exact: true },
      { to: '/lederstotte/saker', label: 'Saker', permission: 'support.read', extra: h('span', { className: 'ds-badge' }, '3') },
      { to: '/lederstotte/innstillinger', label: 'Innstillinger', permission: 'support.admin' },
      { to: '/lederstotte/kunnskap', label: 'Kunnskapsbase', search: { dato: '2026-03-01' } },
    ];
    const paths = ['/lederstotte', '/lederstotte/saker', '/lederstotte/saker/42', '/lederstotte/innstillinger', '/lederstotte/kunnskap'];
    const markup = await renderInRouter(
      '/lederstotte/saker/42',
      paths,
      () => h(ModuleNav, { label: 'Lederstøtte', links, after: h('p', null, 'To saker venter.') }),
      cacheWithSession(['support.read']),
    );
    const page = await open(markup, 'Saker');
    const nav = page.getByRole('navigation', { name: 'Lederstøtte' });
    // A public page shows for everyone; the rest by permission.
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Oversikt', 'Saker 3', 'Kunnskapsbase']);
    expect(await nav.getByRole('link', { name: 'Saker' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current')).toBeNull();
    expect(await nav.getByRole('link', { name: 'Kunnskapsbase' }).getAttribute('href')).toBe('/lederstotte/kunnskap?dato=2026-03-01');
    expect(await nav.getByText('To saker venter.').count()).toBe(1);
    await expectNoAxeViolations(page, 'ModuleNav');

    // A module's own rule for «current» wins over the path.
    const ruled = await renderInRouter(
      '/lederstotte/saker/42',
      paths,
      () =>
        h(ModuleNav, {
          label: 'Lederstøtte',
          links: [
            { to: '/lederstotte', label: 'Oversikt', current: (pathname: string) => pathname.startsWith('/lederstotte/saker/') },
            { to: '/lederstotte/saker', label: 'Saker', current: () => false },
          ],
        }),
      cacheWithSession(),
    );
    const other = await open(ruled, 'Saker');
    expect(await other.getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current')).toBe('page');
    expect(await other.getByRole('link', { name: 'Saker' }).getAttribute('aria-current')).toBeNull();
  });

  it('ErrorPage: «Noe gikk galt» with the message and «Prøv igjen»', async () => {
    const markup = await renderInRouter(
      '/',
      ['/'],
      () => h(ErrorPage, { error: new ApiError(500, 'internal', 'Kunne ikke lese økten.'), reset: noop, info: { componentStack: '' } }),
      cacheWithSession(),
    );
    const page = await open(markup, 'Noe gikk galt');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Noe gikk galt');
    expect(await page.getByRole('alert').textContent()).toContain('Kunne ikke lese økten.');
    expect(await page.getByRole('button', { name: 'Prøv igjen' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'ErrorPage');
  });
});

describe('[KIT][FORMS]', () => {
  it('WriteError, stale: «Noen andre har endret dette…» and «Last inn på nytt»', async () => {
    const page = await show('Utdatert', h(WriteError, { error: stale(), onReload: noop }));
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Noen andre har endret dette i mellomtiden.');
    expect(await alert.getByRole('button', { name: 'Last inn på nytt' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'WriteError stale');

    // Without a way to reload, it only says what happened.
    const told = await show('Utdatert', h(WriteError, { error: stale() }));
    expect(await told.getByRole('alert').textContent()).toContain('Noen andre har endret dette');
    expect(await told.getByRole('button').count()).toBe(0);
  });

  it('WriteError, a field refused: a summary linking to the field', async () => {
    // Problems in both languages: the UI's, on the fields the form has.
    const error = new ApiError(400, 'validation', 'Forespørselen er ugyldig.', [
      { path: '/name', problem: { nb: 'Navnet mangler.', en: 'The name is missing.' } },
      { path: '/code', problem: { nb: 'Koden er for lang.', en: 'The code is too long.' } },
    ]);
    const page = await show(
      'Ikke lagret',
      h(
        'form',
        { className: 'kp-form' },
        h('label', { htmlFor: 'unit-name' }, 'Navn'),
        h('input', { id: 'unit-name' }),
        h(WriteError, { error, fieldIds: { name: 'unit-name' } }),
      ),
    );
    expect(await page.getByRole('heading', { name: 'Endringen ble ikke lagret' }).count()).toBe(1);
    expect(await page.getByText('Forespørselen er ugyldig.').count()).toBe(1);
    // Only fields the form has are linked.
    const link = page.getByRole('link', { name: 'Navnet mangler.' });
    expect(await link.getAttribute('href')).toBe('#unit-name');
    expect(await page.getByRole('link').count()).toBe(1);
    await expectNoAxeViolations(page, 'WriteError fields');

    // The schema's English validator text is no words for a user: the refusal's own message on the
    // first field, «check the value» on the next, and the message not said twice.
    const schema = await show(
      'Ikke lagret',
      h(
        'form',
        { className: 'kp-form' },
        h('label', { htmlFor: 'unit-name' }, 'Navn'),
        h('input', { id: 'unit-name' }),
        h('label', { htmlFor: 'unit-code' }, 'Kode'),
        h('input', { id: 'unit-code' }),
        h(WriteError, {
          error: new ApiError(400, 'validation', 'Sjekk feltene i skjemaet.', [
            { path: '/name', problem: 'must NOT have fewer than 1 characters' },
            { path: '/code', problem: 'must match pattern "^[A-Z]+$"' },
          ]),
          fieldIds: { name: 'unit-name', code: 'unit-code' },
        }),
      ),
    );
    expect(await schema.getByRole('link', { name: 'Sjekk feltene i skjemaet.' }).getAttribute('href')).toBe('#unit-name');
    expect(await schema.getByRole('link', { name: 'Sjekk verdien i dette feltet.' }).getAttribute('href')).toBe('#unit-code');
    expect(await schema.getByText('Sjekk feltene i skjemaet.').count()).toBe(1);
    expect(await schema.getByText('must', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(schema, 'WriteError schema refusal');

    // A command's refusal naming one field says it once: in the link.
    const once = await show(
      'Ikke lagret',
      h(WriteError, {
        error: new ApiError(409, 'conflict', 'Koden er i bruk.', { path: '/code' }),
        fieldIds: { code: 'unit-code' },
        heading: 'Enheten ble ikke lagret',
      }),
    );
    expect(await once.getByRole('heading', { name: 'Enheten ble ikke lagret' }).count()).toBe(1);
    expect(await once.getByRole('link', { name: 'Koden er i bruk.' }).getAttribute('href')).toBe('#unit-code');
    expect(await once.getByText('Koden er i bruk.').count()).toBe(1);
  });

  it('WriteError: nothing without an error', () => {
    expect(render(h(WriteError, { error: null }))).toBe('');
  });

  it('ProblemSummary: the form’s own problems, each linking to its field', async () => {
    const page = await show(
      'Ikke lagret',
      h(
        Fragment,
        null,
        h(ProblemSummary, { heading: 'Målet ble ikke lagret', problems: [{ id: 'goal-title', message: 'Skriv en tittel.' }], focus: true }),
        h('label', { htmlFor: 'goal-title' }, 'Tittel'),
        h('input', { id: 'goal-title' }),
      ),
    );
    expect(await page.getByRole('heading', { name: 'Målet ble ikke lagret' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Skriv en tittel.' }).getAttribute('href')).toBe('#goal-title');
    await expectNoAxeViolations(page, 'ProblemSummary');
    expect(render(h(ProblemSummary, { heading: 'x', problems: [], error: null }))).toBe('');
  });

  it('FormField: label, help and error tied to the control', async () => {
    const page = await show(
      'Felt',
      h(FormField, {
        id: 'notes',
        label: 'Notater',
        description: 'Det som ikke står andre steder.',
        error: 'For lang tekst.',
        children: (control: FieldControl) => h('textarea', { ...control, rows: 3, defaultValue: 'Tekst' }),
      }),
    );
    const field = page.getByLabel('Notater');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe('notes-help notes-error');
    expect(await page.locator('#notes-help').textContent()).toBe('Det som ikke står andre steder.');
    expect(await page.locator('#notes-error').textContent()).toBe('For lang tekst.');
    await expectNoAxeViolations(page, 'FormField');
  });

  it('DatedFormEnd: «Gjelder fra» and «Kilde», the saved message and the submit button', async () => {
    const end = (props: Partial<Parameters<typeof DatedFormEnd>[0]>) =>
      h(
        'form',
        { className: 'kp-form', noValidate: true },
        h(DatedFormEnd, {
          fieldIds: { validFrom: 'hub-from', source: 'hub-source', name: 'hub-name' },
          validFrom: '2026-03-01',
          onValidFrom: noop,
          source: 'Vedtak 12/2026',
          onSource: noop,
          mutation: idle,
          onReload: noop,
          submitLabel: 'Lagre knutepunktet',
          ...props,
        }),
      );
    const page = await show('Lagret', end({ mutation: { ...idle, isSuccess: true } }));
    const validFrom = page.getByLabel('Gjelder fra');
    expect(await validFrom.getAttribute('type')).toBe('date');
    expect(await validFrom.inputValue()).toBe('2026-03-01');
    expect(await validFrom.getAttribute('id')).toBe('hub-from');
    const source = page.getByLabel('Kilde');
    expect(await source.inputValue()).toBe('Vedtak 12/2026');
    expect(await source.getAttribute('aria-describedby')).toBeTruthy();
    expect(await page.getByRole('status').textContent()).toBe('Lagret. Endringen gjelder fra 1. mars 2026.');
    expect(await page.getByRole('button', { name: 'Lagre knutepunktet' }).getAttribute('type')).toBe('submit');
    await expectNoAxeViolations(page, 'DatedFormEnd saved');

    // Refused: the field's message on the field, and a stale edit offers a reload; nothing saved.
    const refused = await show('Ikke lagret', end({ validFromError: 'Skriv en gyldig dato.', mutation: { ...idle, error: stale() } }));
    expect(await refused.getByLabel('Gjelder fra').getAttribute('aria-invalid')).toBe('true');
    expect(await refused.getByText('Skriv en gyldig dato.').count()).toBe(1);
    expect(await refused.getByRole('button', { name: 'Last inn på nytt' }).count()).toBe(1);
    expect(await refused.getByText('Lagret.', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(refused, 'DatedFormEnd refused');

    const unchanged = await show('Uendret', end({ nothingChanged: true }));
    expect(await unchanged.getByRole('status').textContent()).toBe('Du har ikke endret noe, så ingenting ble lagret.');
  });

  it('AsOfDateForm: a labelled date field saying which day is shown, and «Vis»', async () => {
    const page = await show('Per dato', h(AsOfDateForm, { date: '2026-03-01', onChange: noop }));
    const field = page.getByLabel('Vis per dato');
    expect(await field.getAttribute('type')).toBe('date');
    expect(await field.inputValue()).toBe('2026-03-01');
    const described = await field.getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe('Viser 1. mars 2026.');
    expect(await page.getByRole('button', { name: 'Vis' }).getAttribute('type')).toBe('submit');
    await expectNoAxeViolations(page, 'AsOfDateForm');

    const own = await show('Per dato', h(AsOfDateForm, { date: '2026-03-01', onChange: noop, label: 'Organisasjonen per' }));
    expect(await own.getByLabel('Organisasjonen per').count()).toBe(1);
  });
});

describe('[KIT][LISTS]', () => {
  it('PageNavigation: nothing for one page, numbered buttons otherwise', async () => {
    expect(render(h(PageNavigation, { label: 'Sider', page: 1, totalPages: 1, onChange: noop }))).toBe('');
    expect(render(h(PageNavigation, { label: 'Sider', page: 1, totalPages: 0, onChange: noop }))).toBe('');

    const page = await show('Side 2', h(PageNavigation, { label: 'Sider i saklisten', page: 2, totalPages: 5, onChange: noop }));
    const nav = page.getByRole('navigation', { name: 'Sider i saklisten' });
    for (const number of [1, 2, 3, 4, 5])
      expect(await nav.getByRole('button', { name: `Side ${number}`, exact: true }).count(), `side ${number}`).toBe(1);
    expect(await nav.getByRole('button', { name: 'Side 2', exact: true }).getAttribute('aria-current')).toBe('true');
    expect(await nav.getByRole('button', { name: 'Forrige' }).count()).toBe(1);
    expect(await nav.getByRole('button', { name: 'Neste' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'PageNavigation');
  });
});

describe('[KIT][CHARTS]', () => {
  const number = (value: number) => new Intl.NumberFormat('nb-NO').format(value);

  /** The SVG is one image named by its title, described by its description and the figures in words. */
  async function expectChartImage(page: Page, title: string, description: string, inWords: string) {
    const image = page.getByRole('img', { name: title, exact: true });
    expect(await image.count()).toBe(1);
    expect(await image.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
    // The SVG's own title and desc (a point's title names only that point).
    expect(await image.locator(':scope > title').textContent()).toBe(title);
    const desc = (await image.locator(':scope > desc').textContent()) ?? '';
    expect(desc).toContain(description);
    expect(desc).toContain(inWords);
    const describedBy = await image.getAttribute('aria-describedby');
    expect(await image.locator(':scope > desc').getAttribute('id')).toBe(describedBy);
  }

  /** The chart's words as drawn (in the fallback font here, wider than Inter): no two overlap. */
  async function expectNoOverlappingLabels(page: Page, title: string) {
    const boxes = await page
      .getByRole('img', { name: title, exact: true })
      .locator('text')
      .evaluateAll((texts) =>
        texts.map((text) => {
          const box = text.getBoundingClientRect();
          return { text: text.textContent ?? '', x: box.x, y: box.y, width: box.width, height: box.height };
        }),
      );
    expect(boxes.length).toBeGreaterThan(0);
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5)
        .map((b) => `«${a.text}» and «${b.text}»`),
    );
    expect(overlapping, `overlapping labels in ${title}`).toEqual([]);
  }

  /** Opens the «show as table» disclosure and returns the table's rows, header row first. */
  async function openTable(page: Page, title: string): Promise<string[][]> {
    await page.getByText('Vis tallene som tabell').click();
    const table = page.getByRole('table', { name: title });
    await expect.poll(() => table.isVisible()).toBe(true);
    return table.locator('tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
  }

  it('BarChart: bars with the figures in words and as a table', async () => {
    const title = 'Enheter per nivå';
    const page = await show(
      'Stolpediagram',
      h(BarChart, {
        title,
        description: 'Antall enheter på hvert nivå i organisasjonen.',
        categories: ['Kommunedirektør', 'Kommunalområde', 'Virksomhet med et svært langt navn som må brytes over to linjer'],
        series: [{ name: 'Enheter', values: [1, 6, 48] }],
        format: number,
        table: { heading: 'Nivå' },
      }),
    );
    expect(await page.locator('figure figcaption').textContent()).toBe(title);
    await expectChartImage(page, title, 'Antall enheter på hvert nivå', 'høyest Virksomhet');
    await expectNoOverlappingLabels(page, title);
    await expectNoAxeViolations(page, 'BarChart');
    expect(await openTable(page, title)).toEqual([
      ['Nivå', 'Enheter'],
      ['Kommunedirektør', '1'],
      ['Kommunalområde', '6'],
      ['Virksomhet med et svært langt navn som må brytes over to linjer', '48'],
    ]);
    await expectNoAxeViolations(page, 'BarChart with its table');
  });

  it('BarChart, columns with two series: a legend and the table', async () => {
    const title = 'Saker per måned';
    const page = await show(
      'Søylediagram',
      h(BarChart, {
        title,
        description: 'Nye og løste saker hver måned.',
        orientation: 'vertical',
        ordered: true,
        categories: ['jan', 'feb', 'mar', 'apr'],
        series: [
          { name: 'Nye', values: [12, 9, 15, null] },
          { name: 'Løste', values: [10, 11, 13, 4] },
        ],
        format: number,
        table: { heading: 'Måned' },
      }),
    );
    await expectChartImage(page, title, 'Nye og løste saker', 'Løste: høyest mar (13)');
    await expectNoOverlappingLabels(page, title);
    expect(await page.getByText('Nye', { exact: true }).first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'BarChart vertical');
    const rows = await openTable(page, title);
    expect(rows[0]).toEqual(['Måned', 'Nye', 'Løste']);
    expect(rows[4]).toEqual(['apr', '–', '4']);
    await expectNoAxeViolations(page, 'BarChart vertical with its table');
  });

  it('StackedBarChart: segments per series, the total in words, and the table', async () => {
    const title = 'Saker per område';
    const page = await show(
      'Stablet stolpediagram',
      h(StackedBarChart, {
        title,
        description: 'Åpne og lukkede saker i hvert område.',
        categories: ['Nord', 'Sør', 'Sentrum'],
        series: [
          { name: 'Åpne', values: [3, 5, 2] },
          { name: 'Lukkede', values: [10, 4, 7] },
        ],
        format: number,
        table: { heading: 'Område' },
      }),
    );
    await expectChartImage(page, title, 'Åpne og lukkede saker', 'Til sammen: høyest Nord (13)');
    await expectNoOverlappingLabels(page, title);
    await expectNoAxeViolations(page, 'StackedBarChart');
    const rows = await openTable(page, title);
    expect(rows[0]?.slice(0, 3)).toEqual(['Område', 'Åpne', 'Lukkede']);
    expect(rows[1]?.slice(0, 3)).toEqual(['Nord', '3', '10']);
    await expectNoAxeViolations(page, 'StackedBarChart with its table');
  });

  it('LineChart: lines with a target band and a reference, end labels and the table', async () => {
    const title = 'Sykefravær per kvartal';
    const periods = ['2025 K1', '2025 K2', '2025 K3', '2025 K4'];
    const page = await show(
      'Linjediagram',
      h(LineChart, {
        title,
        description: 'Sykefravær i prosent, Drammen mot landet.',
        x: { categories: periods },
        series: [
          { name: 'Drammen', emphasis: true, points: [6.1, 5.8, 5.2, 5.9].map((y, x) => ({ x, y })) },
          { name: 'Landet', dashed: true, points: [6.4, 6.0, 5.6, 6.2].map((y, x) => ({ x, y })) },
        ],
        format: (value: number) => `${value.toLocaleString('nb-NO')} %`,
        band: { from: 5, to: 5.5, tone: 'success' },
        references: [{ value: 6.5, label: 'Terskel', tone: 'danger' }],
        endLabels: true,
        table: { heading: 'Kvartal' },
      }),
    );
    await expectChartImage(page, title, 'Drammen mot landet', 'Drammen:');
    await expectNoOverlappingLabels(page, title);
    await expectNoAxeViolations(page, 'LineChart');
    const rows = await openTable(page, title);
    expect(rows[0]).toEqual(['Kvartal', 'Drammen', 'Landet']);
    expect(rows.map((row) => row[0])).toEqual(['Kvartal', ...periods]);
    await expectNoAxeViolations(page, 'LineChart with its table');
  });

  it('ScatterChart: value against effort, groups in a legend, and the table', async () => {
    const title = 'Gevinst mot innsats';
    const page = await show(
      'Punktdiagram',
      h(ScatterChart, {
        title,
        description: 'Prosjektene etter forventet gevinst og innsats.',
        xLabel: 'Innsats (timer)',
        yLabel: 'Gevinst (poeng)',
        formatX: number,
        formatY: number,
        groups: ['Innenfor rammen', 'Utenfor rammen'],
        points: [
          { key: 'a', x: 120, y: 8, group: 0, title: 'Digital postkasse' },
          { key: 'b', x: 800, y: 5, group: 1, title: 'Nytt fagsystem' },
          { key: 'c', x: 300, y: 9, group: 0, title: 'Selvbetjent timebestilling' },
        ],
        table: { heading: 'Prosjekt' },
      }),
    );
    await expectChartImage(page, title, 'forventet gevinst og innsats', '3 punkter');
    await expectNoOverlappingLabels(page, title);
    expect(await page.getByText('Utenfor rammen').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'ScatterChart');
    const rows = await openTable(page, title);
    expect(rows.map((row) => row[0])).toEqual(['Prosjekt', 'Digital postkasse', 'Nytt fagsystem', 'Selvbetjent timebestilling']);
    await expectNoAxeViolations(page, 'ScatterChart with its table');
  });

  it('Sparkline: a small image named by the values in words', async () => {
    const label = 'Utvikling: 2023: 62, 2024: 55, 2025: 58';
    const page = await show(
      'Minigraf',
      h(DataTable, {
        caption: 'Indikatorer',
        headers: ['Indikator', 'Utvikling'],
        rows: [
          {
            key: 'x',
            cells: [
              'Andel fornøyde',
              h(Sparkline, {
                label,
                points: [
                  { period: '2023', value: 62 },
                  { period: '2024', value: 55 },
                  { period: '2025', value: 58 },
                ],
              }),
            ],
          },
        ],
        empty: '',
        rowHeaders: true,
      }),
    );
    expect(await page.getByRole('img', { name: label }).count()).toBe(1);
    await expectNoAxeViolations(page, 'Sparkline');
    expect(render(h(Sparkline, { label, points: [] }))).toBe('');
  });
});

describe('[KIT][COMBOBOX]', () => {
  const units = [
    { value: 'u1', label: 'Fjell skole', description: 'Oppvekst, nivå 4' },
    { value: 'u2', label: 'Gulskogen skole', description: 'Oppvekst, nivå 4' },
    { value: 'u3', label: 'Hjemmetjenesten Nord', description: 'Helse og omsorg, nivå 4' },
  ];

  /** The input, focused as a person would: Designsystemet's Suggestion makes it a combobox then. */
  async function focusCombobox(page: Page, label: string) {
    await page.getByLabel(label, { exact: true }).and(page.locator('input')).focus();
    const combobox = page.getByRole('combobox', { name: label, exact: true });
    await expect.poll(() => combobox.count()).toBe(1);
    return combobox;
  }

  it('EntityCombobox: a labelled combobox with its help, the chosen option shown, the options in a list', async () => {
    const page = await show(
      'Velg enhet',
      h(EntityCombobox, {
        id: 'unit',
        label: 'Enhet',
        description: 'Skriv en del av navnet.',
        options: units,
        value: 'u2',
        onChange: noop,
      }),
    );
    const combobox = await focusCombobox(page, 'Enhet');
    expect(await combobox.getAttribute('id')).toBe('unit');
    expect(await combobox.inputValue()).toBe('Gulskogen skole');
    expect(await combobox.getAttribute('aria-describedby')).toContain('unit-description');
    expect(await page.locator('#unit-description').textContent()).toBe('Skriv en del av navnet.');
    await expectNoAxeViolations(page, 'EntityCombobox');

    // Opened: each option named by its name and what tells it apart, the chosen one selected.
    await combobox.press('ArrowDown');
    await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true');
    const listbox = page.getByRole('listbox', { name: 'Enhet' });
    expect(await listbox.getByRole('option', { name: 'Hjemmetjenesten Nord Helse og omsorg, nivå 4' }).isVisible()).toBe(true);
    expect(await listbox.getByRole('option', { name: 'Gulskogen skole Oppvekst, nivå 4' }).getAttribute('aria-selected')).toBe('true');
    // Checked once the list has faded in: mid-transition axe would measure blended colours.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await expectNoAxeViolations(page, 'EntityCombobox open');
  });

  it('EntityCombobox with an error: invalid, and the message tied to the field', async () => {
    const page = await show(
      'Velg enhet',
      h(EntityCombobox, { id: 'unit', label: 'Enhet', error: 'Velg en enhet.', options: units, value: '', onChange: noop, required: true }),
    );
    const combobox = await focusCombobox(page, 'Enhet');
    expect(await combobox.getAttribute('aria-invalid')).toBe('true');
    expect(await combobox.getAttribute('aria-describedby')).toBe('unit-error');
    expect(await combobox.inputValue()).toBe('');
    expect(await page.locator('#unit-error').textContent()).toBe('Velg en enhet.');
    await expectNoAxeViolations(page, 'EntityCombobox with an error');
  });
});

describe('[KIT][IMPORT_EXPORT]', () => {
  it('ExportPanel: a date, a file type and a download link', async () => {
    const page = await show(
      'Eksport',
      h(ExportPanel<'units' | 'positions'>, {
        today: '2026-03-01',
        entities: [
          { value: 'units', label: 'Enheter' },
          { value: 'positions', label: 'Stillinger' },
        ],
        defaultEntity: 'units',
        href: ({ date, format }) => `/api/organisasjon/eksport?${new URLSearchParams({ date: date ?? '', format })}`,
      }),
    );
    const section = page.getByRole('region', { name: 'Eksport' });
    expect(await section.getByLabel('Dato').inputValue()).toBe('2026-03-01');
    expect(await section.getByLabel('Filtype').locator('option').count()).toBe(3);
    const download = section.getByRole('link', { name: 'Last ned' });
    expect(await download.getAttribute('href')).toBe('/api/organisasjon/eksport?date=2026-03-01&format=json');
    expect(await download.getAttribute('download')).toBe('');
    await expectNoAxeViolations(page, 'ExportPanel');
  });

  it('ImportPanel: a labelled file field, the kind of CSV, the day it applies from, and the dry run button', async () => {
    const page = await show(
      'Import',
      h(ImportPanel<'units', { ok: boolean }>, {
        entities: [{ value: 'units', label: 'Enheter' }],
        maxBytes: 10 * 1024 * 1024,
        validFromLabel: 'Gjelder fra',
        validFromHelp: 'Dagen endringene i filen gjelder fra.',
        today: '2026-03-01',
        dryRun: () => Promise.reject(new Error('not here')),
        apply: () => Promise.reject(new Error('not here')),
        canApply: (report) => report.ok,
        invalidates: ['organisation'],
        renderReport: () => null,
      }),
      cacheWithSession(['organisation.import']),
    );
    const section = page.getByRole('region', { name: 'Import' });
    const file = section.getByLabel('Fil', { exact: true });
    expect(await file.getAttribute('type')).toBe('file');
    expect(await file.getAttribute('aria-describedby')).toBeTruthy();
    expect(await section.getByLabel('Filtype').inputValue()).toBe('csv');
    expect(await section.getByLabel('Hva inneholder CSV-filen?').count()).toBe(1);
    expect(await section.getByLabel('Gjelder fra').inputValue()).toBe('2026-03-01');
    expect(await section.getByRole('button', { name: 'Last opp og prøv importen' }).getAttribute('type')).toBe('submit');
    await expectNoAxeViolations(page, 'ImportPanel');
  });

  it('ProgressBar and ShownNote: a labelled progress bar; a note only under a cut table', async () => {
    const page = await show(
      'Fremdrift',
      h(
        Fragment,
        null,
        h(ProgressBar, { id: 'sending', label: 'Laster opp enheter.csv: 40 %', percent: 40 }),
        h(ProgressBar, { id: 'working', label: 'Kontrollerer filen …', percent: null }),
        h(ShownNote, { total: 1200 }),
      ),
    );
    const sending = page.getByRole('progressbar', { name: 'Laster opp enheter.csv: 40 %' });
    expect(await sending.getAttribute('value')).toBe('40');
    expect(await page.getByRole('progressbar', { name: 'Kontrollerer filen …' }).getAttribute('value')).toBeNull();
    expect(await page.getByText('500').count()).toBe(1);
    await expectNoAxeViolations(page, 'ProgressBar');
    expect(render(h(ShownNote, { total: 500 }))).toBe('');
  });
});
