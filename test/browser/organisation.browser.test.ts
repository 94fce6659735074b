/// <reference lib="dom" />
// [ROLE][ACTION]: the organisation pages in real Chromium against the real server and the built-in
// Nye Drammen dataset, with axe on every page.
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/kernel/index.js';
import { chooseInCombobox, expectNoAxeViolations, signInAsDemo, useBrowser } from '../helpers/browser.js';
import { measureChart } from './measure-chart.js';

const b = useBrowser();

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** expect.poll with room for a busy machine: these pages wait on the server and on Chromium. */
const poll = <T>(fn: () => T | Promise<T>, options: { message?: string } = {}) => expect.poll(fn, { timeout: 15_000, ...options });

async function signIn(page: Page, username: string, displayName: string) {
  await signInAsDemo(page, username);
  await poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

/** Signs in and opens the organisation from the main menu; the chart shows three levels. */
async function openOrganisation(page: Page, username = 'organisasjon', displayName = 'Demo Organisasjonsredaktør') {
  await signIn(page, username, displayName);
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Organisasjon' }).click();
  await poll(() => h1(page)).toBe('Organisasjon');
  await poll(() => page.getByText(/Viser \d+ av 168 enheter\./).isVisible()).toBe(true);
}

/** Calls the API as the signed-in user (another tab, say), with the session's CSRF token. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/session')).json();
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

async function unitIdByName(page: Page, name: string): Promise<{ id: string; revision: number }> {
  const { json } = await api(page, 'GET', `/api/organisation/search?q=${encodeURIComponent(name)}`);
  const unit = (json as { units: { id: string; name: string }[] }).units.find((u) => u.name === name);
  if (!unit) throw new Error(`No unit named ${name}`);
  const detail = await api(page, 'GET', `/api/organisation/units/${unit.id}`);
  return { id: unit.id, revision: (detail.json as { revision: number }).revision };
}

describe('[ORGANISATION_EDITOR][ORG_CHART]', () => {
  it('shows the chart as of today, finds a unit despite a typo, focuses a subtree, pans and zooms by keyboard, and exports SVG, PNG and PDF', async () => {
    const { page } = await b.newPage();
    await openOrganisation(page);
    const chart = page.getByRole('group', { name: 'Organisasjonskart' });
    await poll(() => chart.locator('a[aria-label^="Rådmannens lederteam,"]').count()).toBe(1);
    // Three levels open: the level-3 units' departments are not drawn at all.
    expect(await chart.locator('a[aria-label^="Kommunale akutte døgnplasser (KAD),"]').count()).toBe(0);
    await expectNoAxeViolations(page, 'org chart');

    // Search, with a letter missing: the unit is revealed (its ancestors expanded), highlighted and focused.
    await page.getByLabel('Finn enhet i kartet').fill('legevkt');
    await page.getByRole('button', { name: 'Finn', exact: true }).click();
    await poll(() => page.getByText('Ingen enheter heter akkurat «legevkt». Kanskje du mente en av disse?').isVisible()).toBe(true);
    await page
      .getByRole('list', { name: 'Treff' })
      .getByRole('button', { name: /^Legevakt/ })
      .click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toMatch(/^Legevakt, nivå 3, leder: virksomhetsleder/);
    expect(await chart.locator('a[data-match]').getAttribute('aria-label')).toMatch(/^Legevakt,/);

    // Focus on its subtree: only Legevakt and its departments, and the address says so.
    await page.getByRole('button', { name: 'Vis bare valgt enhet og enhetene under: Legevakt' }).click();
    await poll(() => new URL(page.url()).searchParams.get('fokus')).toMatch(/^[0-9a-f-]{36}$/);
    await poll(() => page.getByText(/Viser \d+ av \d+ enheter i «Legevakt»\./).isVisible()).toBe(true);
    const shown = await chart.locator('[data-chart-node]').count();
    expect(shown).toBeGreaterThan(1);
    await poll(() => chart.locator('a[aria-label^="Helsetjenester,"]').count()).toBe(0);

    // Export what is shown as SVG: a standalone file with inline styles and the units in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned som SVG' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^organisasjonskart-.+-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = await fs.readFile((await download.path())!, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('Legevakt');
    expect(svg).toContain('Organisasjonskart for Legevakt');
    expect(svg).not.toContain('var(--');
    expect(svg).not.toContain('tabindex');
    expect(svg.match(/stroke: ?rgb/g)?.length ?? 0).toBeGreaterThan(shown);

    // The title, the date and the scope are on it.
    expect(svg).toMatch(/Laget \d+\. \w+ \d{4} · Utsnitt: Legevakt · 3 nivåer · \d+ av \d+ enheter/);

    // As a picture for a slide: PNG, 16:9 at twice 1920 × 1080.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned som bilde til presentasjon (PNG)' }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/^organisasjonskart-.+-\d{4}-\d{2}-\d{2}\.png$/);
    const pngBytes = await fs.readFile((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([pngBytes.readUInt32BE(16), pngBytes.readUInt32BE(20)]).toEqual([3840, 2160]);
    expect(pngBytes.length).toBeGreaterThan(20_000);

    // And as PDF on A4 landscape: our own writer (no library), the title in the file's text.
    await page.getByLabel('Papirstørrelse for PDF').selectOption('a4');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned som PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^organisasjonskart-.+-\d{4}-\d{2}-\d{2}-a4\.pdf$/);
    const pdfText = (await fs.readFile((await pdf.path())!)).toString('latin1');
    expect(pdfText.slice(0, 5)).toBe('%PDF-');
    expect(pdfText).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(pdfText).toMatch(/\(Organisasjonskart for Legevakt per \d+\. \w+ \d{4}\) Tj/);
    await poll(() => page.getByText('Kartet er lastet ned.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Vis hele organisasjonen' }).click();
    await poll(() => page.getByText(/Viser \d+ av 168 enheter\./).isVisible()).toBe(true);

    // The whole organisation on A3: too wide for one page, so tiles and a page map on page 1.
    await page.getByLabel('Papirstørrelse for PDF').selectOption('a3');
    const [large] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned som PDF' }).click()]);
    const largeText = (await fs.readFile((await large.path())!)).toString('latin1');
    const pages = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(largeText)?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(largeText.match(/\/MediaBox \[0 0 1190.55 841.89\]/g)).toHaveLength(pages);
    expect(largeText).toContain(`(Side 1 av ${pages}) Tj`);
    expect(largeText).toContain('(Sideoversikt: kartet er delt p\\345');

    // The chart itself takes keyboard: + zooms in, the arrows pan.
    const zoom = page.locator('.kp-orgchart__zoom');
    const before = await zoom.textContent();
    const content = chart.locator('svg > g').first();
    const transformBefore = await content.getAttribute('transform');
    await chart.focus();
    await page.keyboard.press('+');
    await poll(() => zoom.textContent()).not.toBe(before);
    const zoomed = await content.getAttribute('transform');
    expect(zoomed).not.toBe(transformBefore);
    await page.keyboard.press('ArrowRight');
    await poll(() => content.getAttribute('transform')).not.toBe(zoomed);

    // Expand a unit from its button: its sub-units appear.
    // (By keyboard: the button may be panned out of view, and focusing it brings it into view.)
    await chart.getByRole('button', { name: /^Vis \d+ underenheter til Helsetjenester$/ }).focus();
    await page.keyboard.press('Enter');
    await poll(() => chart.locator('a[aria-label^="Legevakt,"]').count()).toBe(1);
    await expect
      .poll(() => chart.getByRole('button', { name: 'Skjul underenhetene til Helsetjenester' }).getAttribute('aria-expanded'))
      .toBe('true');
    await expectNoAxeViolations(page, 'org chart, expanded and searched');

    // People mode, by keyboard: the leaders' names, vacancies and the count of other positions.
    const peopleSwitch = page.getByRole('switch', { name: /^Vis personer/ });
    await peopleSwitch.focus();
    await page.keyboard.press('Space');
    await poll(() => peopleSwitch.isChecked()).toBe(true);
    await poll(() => chart.locator('a[data-person-id]').count()).toBeGreaterThan(0);
    expect(await chart.locator('a[aria-label^="Rådmannens lederteam,"]').getAttribute('aria-label')).toMatch(
      /rådmann \(Elisabeth Enger\), (\d+ andre stillinger|1 annen stilling|ingen andre stillinger)$/,
    );
    await expectNoAxeViolations(page, 'org chart, people mode');
    // The person opens their card.
    const person = chart.getByRole('link', { name: 'Åpne personkortet til Elisabeth Enger' });
    await person.focus();
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).pathname).toMatch(/^\/organisasjon\/personer\/[0-9a-f-]{36}$/);
    await poll(() => h1(page)).toBe('Elisabeth Enger');
  });

  it('the tree grid shows the same units and works by keyboard as the treegrid pattern says', async () => {
    const { page } = await b.newPage();
    await openOrganisation(page);
    await page.getByRole('tab', { name: 'Tabell' }).click();
    const grid = page.getByRole('treegrid', { name: /^Enhetene per / });
    await poll(() => grid.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'tree grid');
    const focused = () =>
      page.evaluate(() => ({ level: document.activeElement?.getAttribute('aria-level'), text: document.activeElement?.textContent ?? '' }));

    // One tab stop: the first row.
    expect(await grid.locator('[tabindex="0"]').count()).toBe(1);
    const row = grid.getByRole('row', { name: /^Helsetjenester\b/ });
    await row.focus();
    expect(await row.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await poll(() => row.getAttribute('aria-expanded')).toBe('true');
    await poll(() => grid.getByRole('row', { name: /^Legevakt\b/ }).count()).toBe(1);

    await page.keyboard.press('ArrowDown');
    await poll(focused).toMatchObject({ level: '4', text: expect.stringContaining('Aktivitet og rehabilitering') });
    await page.keyboard.press('ArrowLeft'); // a collapsed row: to its parent
    await poll(focused).toMatchObject({ level: '3', text: expect.stringContaining('Helsetjenester') });
    await page.keyboard.press('ArrowLeft'); // an expanded row: collapses it
    await poll(() => row.getAttribute('aria-expanded')).toBe('false');
    await poll(() => grid.getByRole('row', { name: /^Legevakt\b/ }).count()).toBe(0);

    await page.keyboard.press('Home');
    await poll(focused).toMatchObject({ level: '1', text: expect.stringContaining('Rådmannens lederteam') });
    await page.keyboard.press('End');
    const last = await focused();
    expect(last.level).not.toBe('1');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await poll(() => h1(page)).toBe('Rådmannens lederteam');
  });
});

describe('[ORGANISATION_EDITOR][RECORDS]', () => {
  it('opens a unit from the chart, and follows links to its positions and people', async () => {
    const { page } = await b.newPage();
    await openOrganisation(page);
    await page.getByRole('group', { name: 'Organisasjonskart' }).locator('a[aria-label^="Helsetjenester,"]').click();
    await poll(() => h1(page)).toBe('Helsetjenester');
    const unitPage = new URL(page.url());
    expect(unitPage.pathname).toMatch(/^\/organisasjon\/enheter\/[0-9a-f-]{36}$/);
    expect(new URL(page.url()).searchParams.get('dato')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const heading of ['Leder', 'Stillinger (2)', 'Underenheter (4)', 'Rapporteringslinjer', 'Historikk']) {
      await poll(() => page.getByRole('heading', { level: 2, name: heading }).isVisible(), { message: heading }).toBe(true);
    }
    await poll(() => page.getByRole('table', { name: 'Rapporterer til' }).getByText('Faglig linje').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'unit page');

    await page
      .getByRole('table', { name: 'Stillingene i Helsetjenester' })
      .getByRole('link', { name: 'kommunalsjef for helsetjenester' })
      .click();
    await poll(() => h1(page)).toBe('Kommunalsjef for helsetjenester');
    await poll(() => page.getByText('Stillingen er ledig på denne datoen.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'position page');

    await page
      .getByRole('table', { name: 'Rapporterer til' })
      .getByRole('link', { name: 'Folkehelse, helse og miljø', exact: true })
      .click();
    await poll(() => h1(page)).toBe('Folkehelse, helse og miljø');
    await page.getByRole('link', { name: 'Rådmannens lederteam' }).first().click();
    await poll(() => h1(page)).toBe('Rådmannens lederteam');
    await page.getByRole('link', { name: 'Elisabeth Enger' }).first().click();
    await poll(() => h1(page)).toBe('Elisabeth Enger');
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /^Stillingene til Elisabeth Enger/ })
          .getByRole('link', { name: 'rådmann', exact: true })
          .isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(page, 'person page');

    // Before the merger the unit did not exist: said so, with the date form still there to go on.
    await page.goto(`${unitPage.pathname}?dato=2019-06-01`);
    await poll(() => h1(page)).toBe('Fant ikke siden');
    await expect
      .poll(() =>
        page
          .getByText(/finnes ikke/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Vis per dato').fill('2020-01-01');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await poll(() => h1(page)).toBe('Helsetjenester');
  });

  it('renames a unit from a date, and is told when someone else changed it first', async () => {
    const { page } = await b.newPage();
    await openOrganisation(page);
    const legevakt = await unitIdByName(page, 'Legevakt');
    await page.goto(`/organisasjon/enheter/${legevakt.id}`);
    await poll(() => h1(page)).toBe('Legevakt');
    await poll(() => page.getByRole('heading', { level: 2, name: 'Endre enheten' }).isVisible()).toBe(true);

    await page.getByText('Gi enheten nytt navn').click();
    const name = page.getByLabel('Nytt navn');
    await name.fill('');
    await page.getByRole('button', { name: 'Lagre nytt navn' }).click();
    await poll(() => page.getByText('Skriv det nye navnet.').isVisible()).toBe(true);

    await name.fill('Legevakt og akuttmedisin');
    const renameForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lagre nytt navn' }) });
    await renameForm.getByLabel('Gjelder fra').fill('2027-01-01');
    await page.getByRole('button', { name: 'Lagre nytt navn' }).click();
    await poll(() => page.getByText('Endringen er lagret og gjelder fra 1. januar 2027.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'unit page after an edit');

    // The new name holds from its date; the day before, the old one.
    await page.goto(`/organisasjon/enheter/${legevakt.id}?dato=2027-01-01`);
    await poll(() => h1(page)).toBe('Legevakt og akuttmedisin');
    await page.goto(`/organisasjon/enheter/${legevakt.id}?dato=2026-12-31`);
    await poll(() => h1(page)).toBe('Legevakt');

    // Someone else edits the unit while the form is open: the save is refused as stale, with a reload.
    // (The other edit comes after the form has read the unit, so no refetch can hide it.)
    await page.getByText('Gi enheten nytt navn').click();
    await page.getByLabel('Nytt navn').fill('Legevakten');
    const current = await unitIdByName(page, 'Legevakt');
    const other = await api(page, 'PATCH', `/api/organisation/units/${legevakt.id}`, {
      revision: current.revision,
      validFrom: '2028-01-01',
      name: 'Legevakt (endret av en annen)',
    });
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: 'Lagre nytt navn' }).click();
    await poll(() => page.getByText('Noen andre har endret dette i mellomtiden').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'stale edit');
    await page.getByRole('button', { name: 'Last inn på nytt' }).click();
    await poll(() => page.getByText('Noen andre har endret dette i mellomtiden').isVisible()).toBe(false);

    // A refusal from the server is shown beside the form, in Norwegian.
    await page.getByText('Legg ned enheten').click();
    await page.getByRole('button', { name: 'Bekreft nedleggelsen' }).click();
    await poll(() => page.getByText('Endringen ble ikke lagret').isVisible()).toBe(true);
    // The server names the field: its message is beside the field, and the summary links to it.
    await poll(() => page.getByRole('link', { name: /kan ikke avsluttes/ }).isVisible()).toBe(true);
    const fieldId = (await page.getByRole('link', { name: /kan ikke avsluttes/ }).getAttribute('href'))!.slice(1);
    await poll(() => page.locator(`[id="${fieldId}"]`).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'refused edit');
  });
});

describe('[ORGANISATION_EDITOR][RULES_AND_ANALYTICS]', () => {
  it('the rules report groups findings by rule, says the severity in words and links to what they concern', async () => {
    const { page } = await b.newPage();
    await openOrganisation(page);
    await page.getByRole('navigation', { name: 'Organisasjon – sider' }).getByRole('link', { name: 'Regler' }).click();
    await poll(() => h1(page)).toBe('Regelsjekk');
    const spans = page.getByRole('region', { name: /^Lederspenn over grensen \(\d+\)$/ });
    await poll(() => spans.isVisible()).toBe(true);
    expect(await spans.getByText('Advarsel').count()).toBeGreaterThan(0);
    await poll(() => page.getByRole('heading', { name: /^Regler som er oppfylt/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'rules report');
    // The one span the sources leave open (dataset/README.md); kommunalsjef for skole's 35 are accepted by an exception.
    await spans
      .getByRole('link', { name: /^direktør for by- og stedsutvikling/ })
      .first()
      .click();
    await poll(() => h1(page)).toMatch(/^Direktør for by- og stedsutvikling/);
  });

  it('analytics: charts with text alternatives, tables, and the page in English', async () => {
    const { page } = await b.newPage();
    await openOrganisation(page);
    await page.getByRole('navigation', { name: 'Organisasjon – sider' }).getByRole('link', { name: 'Analyse' }).click();
    await poll(() => h1(page)).toBe('Analyse');
    const chart = page.getByRole('img', { name: 'Enheter og stillinger per nivå' });
    await poll(() => chart.isVisible()).toBe(true);
    expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
    await page.getByText('Vis tallene som tabell').first().click();
    const table = page.getByRole('table', { name: 'Enheter og stillinger per nivå' });
    await poll(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('rowheader', { name: 'Nivå 3' }).count()).toBe(1);
    await poll(() => page.getByRole('img', { name: /^De \d+ største lederspennene$/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'analytics');

    // Per unit: drill down from the top into a director area and back.
    const perUnit = page.getByRole('table', { name: 'Tall per enhet, med alt under' });
    await poll(() => perUnit.isVisible()).toBe(true);
    await perUnit.getByRole('link', { name: 'Utdanning' }).click();
    const education = page.getByRole('table', { name: 'Enhetene under «Utdanning»' });
    await poll(() => education.isVisible()).toBe(true);
    await poll(() => education.getByRole('link', { name: 'Skole' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'analytics per unit');
    await page.getByRole('navigation', { name: 'Du er her' }).getByRole('link', { name: 'Hele organisasjonen' }).click();
    await poll(() => perUnit.isVisible()).toBe(true);

    await page.getByLabel('Språk').selectOption('en');
    await poll(() => h1(page)).toBe('Analytics');
    await poll(() => page.getByRole('img', { name: 'Units and positions per level' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'analytics in English');
  });
});

describe('[ORGANISATION_EDITOR][SCENARIO]', () => {
  it('drafts a scenario, adds a change picked from the tree, checks the rules and compares it with today', async () => {
    const { page } = await b.newPage();
    await openOrganisation(page);
    await page.getByRole('navigation', { name: 'Organisasjon – sider' }).getByRole('link', { name: 'Scenarioer' }).click();
    await poll(() => h1(page)).toBe('Scenarioer');
    await expectNoAxeViolations(page, 'scenarios');

    await page.getByRole('button', { name: 'Lag scenariet' }).click();
    await poll(() => page.getByText('Gi scenariet et navn.').isVisible()).toBe(true);
    await page.getByLabel('Navn', { exact: true }).fill('Legevakten til Omsorg');
    await page.getByRole('button', { name: 'Lag scenariet' }).click();
    await poll(() => h1(page)).toBe('Legevakten til Omsorg');

    await page.getByLabel('Hva skal endres?').selectOption('move_unit');
    await page.getByRole('button', { name: 'Legg til endringen' }).click();
    await poll(() => page.getByText('Velg en enhet.').first().isVisible()).toBe(true);
    await chooseInCombobox(page, 'Enheten som flyttes', 'Legevakt');
    await chooseInCombobox(page, 'Ny overordnet enhet', 'Omsorg');
    await page.getByRole('button', { name: 'Legg til endringen' }).click();
    await poll(() => page.getByText('1. «Legevakt» flyttes under «Omsorg»').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'scenario changes');

    await page.getByRole('tab', { name: 'Regelsjekk' }).click();
    await poll(() => page.getByText('Scenariet gir ingen nye feil.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'scenario rules');

    await page.getByRole('tab', { name: 'Sammenligning' }).click();
    const figures = page.getByRole('table', { name: 'Organisasjonen nå og med scenariet' });
    await poll(() => figures.isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: /^Forskjeller/ })
          .getByText(/Legevakt/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await poll(() => page.getByRole('img', { name: 'Enheter per nivå, nå og med scenariet' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'scenario comparison');

    // The editor takes it as far as submitting it; applying comes after someone else approves it.
    await poll(() => page.getByRole('button', { name: 'Send til godkjenning' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Gjennomfør' }).count()).toBe(0);

    // The change can be removed again.
    await page.getByRole('tab', { name: /^Endringer/ }).click();
    await page.getByRole('button', { name: /^Fjern endring 1:/ }).click();
    await poll(() => page.getByText('Scenariet har ingen endringer ennå.').isVisible()).toBe(true);
  });
});

describe('[ADMINISTRATOR][SUBMIT_SCENARIO]', () => {
  it('is refused while the organisation has changed since the draft, and is submitted after taking today as the base', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'admin', 'Demo Administrator');
    await page.goto('/organisasjon/scenarioer');
    await poll(() => h1(page)).toBe('Scenarioer');
    await page.getByLabel('Navn', { exact: true }).fill('Nytt navn på Medisinskfaglig virksomhet');
    await page.getByRole('button', { name: 'Lag scenariet' }).click();
    await poll(() => page.getByLabel('Hva skal endres?').isVisible()).toBe(true);
    await page.getByLabel('Hva skal endres?').selectOption('rename_unit');
    await chooseInCombobox(page, 'Enhet', 'Medisinskfaglig virksomhet');
    await page.getByLabel('Nytt navn').fill('Medisinsk fagenhet');
    await page.getByRole('button', { name: 'Legg til endringen' }).click();
    await poll(() => page.getByText('1. «Medisinskfaglig virksomhet» får navnet «Medisinsk fagenhet»').isVisible()).toBe(true);

    // Meanwhile, the organisation is edited.
    const unit = await unitIdByName(page, 'Aktivitet og rehabilitering');
    expect(
      (
        await api(page, 'PATCH', `/api/organisation/units/${unit.id}`, {
          revision: unit.revision,
          validFrom: '2030-01-01',
          name: 'Aktivitet, rehabilitering og mestring',
        })
      ).status,
    ).toBe(200);

    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Organisasjonen er endret siden scenariet/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(page, 'refused submit');

    await page.getByRole('button', { name: 'Bruk organisasjonen slik den er nå som grunnlag' }).click();
    await poll(() => page.getByRole('button', { name: 'Bruk organisasjonen slik den er nå som grunnlag' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await poll(() => page.locator('dd').filter({ hasText: 'Sendt til godkjenning' }).first().isVisible()).toBe(true);
    // The one who drafted it can neither approve nor apply it (scenario-approval.browser.test.ts takes it on).
    await poll(() => page.getByText('Du laget dette scenariet og kan ikke godkjenne eller gjennomføre det selv.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Godkjenn' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'submitted scenario');
  });
});

describe('[EMPLOYEE][READ_ONLY]', () => {
  it('reads the organisation but gets no edit forms and no scenarios', async () => {
    const { page } = await b.newPage();
    await openOrganisation(page, 'ansatt', 'Demo Medarbeider');
    const moduleNav = page.getByRole('navigation', { name: 'Organisasjon – sider' });
    expect(await moduleNav.getByRole('link', { name: 'Scenarioer' }).count()).toBe(0);
    await page.getByRole('group', { name: 'Organisasjonskart' }).locator('a[aria-label^="Rådmannens lederteam,"]').click();
    await poll(() => h1(page)).toBe('Rådmannens lederteam');
    expect(await page.getByRole('heading', { name: 'Endre enheten' }).count()).toBe(0);
    await page.goto('/organisasjon/scenarioer');
    await poll(() => page.getByText(/Scenarioer kan bare ses og endres av dem som kan endre organisasjonen/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'scenarios without access');
  });

  it('a signed-out visitor is sent to sign-in and back', async () => {
    const { page } = await b.newPage();
    await page.goto('/organisasjon/regler');
    await poll(() => new URL(page.url()).pathname).toBe('/logg-inn');
    await page.getByLabel('Brukernavn').fill('ansatt');
    await page.getByLabel('Passord').fill(demoPassword);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await poll(() => h1(page)).toBe('Regelsjekk');
  });
});

describe('[EMPLOYEE][ORG_CHART] a large organisation', () => {
  it('lays out and shows all 500 units of a large tree (the time is measured by npm run bench, not here)', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'ansatt', 'Demo Medarbeider');
    await measureChart(page, 500);
    expect(await page.locator('[data-chart-node]').count()).toBe(500);
  });
});
