/// <reference lib="dom" />
// [PORTFOLIO_BOARD][BENEFITS]: on an initiative whose project has closed (phase realisation), a board
// member adds a benefit owned by a line leader, records a measurement after closure (a comment
// when it deviates), and sees it in the portfolio-wide realisation view; axe on every state.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseInCombobox, expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

type Db = { selectFrom: (t: string) => any; insertInto: (t: string) => any }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function closedInitiative(): Promise<{ id: string; number: number }> {
  const db = b.knutepunkt.database.db as unknown as Db;
  const unit = await db.selectFrom('org_units').select('id').where('key', '=', 'skole-aronslokka').executeTakeFirstOrThrow();
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  return db
    .insertInto('pf_initiatives')
    .values({
      title: 'Digitalt skjema for skoleskyss',
      owner_unit_id: unit.id,
      category: 'efficiency',
      size: 'small',
      phase: 'realisation',
      state: 'active',
      proposed_by: admin.id,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

const visible = (page: Page, text: string | RegExp) => page.getByText(text).first().isVisible();

describe('[PORTFOLIO_BOARD][BENEFITS]', () => {
  it('adds a benefit, measures it after the project closed and sees it realised across the portfolio', async () => {
    const initiative = await closedInitiative();
    const { page } = await b.newPage();
    page.setDefaultTimeout(60_000);
    await signInAsDemo(page, 'portefolje');
    await expect.poll(() => page.url()).not.toContain('/logg-inn');

    await page.goto('/portefolje/gevinster');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gevinstrealisering');
    await expect.poll(() => visible(page, 'Ingen gevinster er registrert i porteføljen ennå.')).toBe(true);
    await expectNoAxeViolations(page, 'benefits page, empty');

    // Follow up the closed initiative: its register, empty.
    await page.getByLabel('Initiativ', { exact: true }).selectOption(initiative.id);
    await expect.poll(() => visible(page, 'Ingen gevinster er registrert ennå.')).toBe(true);
    await page.getByRole('button', { name: 'Legg til gevinst' }).click();
    const form = page.getByRole('form', { name: 'Ny gevinst' });
    await form.getByRole('button', { name: 'Lagre gevinsten' }).click();
    await expect.poll(() => visible(page, 'Velg en linjeleder som eier gevinsten.')).toBe(true);
    await expectNoAxeViolations(page, 'add-benefit form with errors');

    await form.getByLabel('Tittel').fill('Mindre tid på skoleskyss-søknader');
    await form.getByLabel('Indikator (hva som måles)').fill('Søknader behandlet automatisk per måned');
    await form.getByLabel('Måleenhet').fill('søknader');
    await form.getByLabel('Nullpunkt (verdi i dag)').fill('100');
    await form.getByLabel('Dato for nullpunktet').fill('2024-01-01');
    await form.getByLabel('Mål', { exact: true }).fill('200');
    await form.getByLabel('Forventet realisert').fill('2025-01-01');
    await form.getByLabel('Årlig verdi i kroner').fill('400000');
    await chooseInCombobox(form, 'Gevinsteier (linjeleder)', 'Demo Rektor – rektor, Aronsløkka skole', { typed: 'Demo Rektor' });
    await form.getByRole('button', { name: 'Lagre gevinsten' }).click();
    await expect.poll(() => visible(page, 'Gevinsten «Mindre tid på skoleskyss-søknader» er lagt til.')).toBe(true);
    const register = page.getByRole('table', { name: 'Gevinster for initiativet' });
    await expect
      .poll(() => register.getByRole('row', { name: /Mindre tid på skoleskyss-søknader/ }).textContent())
      .toContain('Demo Rektor');
    await expectNoAxeViolations(page, 'register with a benefit');

    // A measurement after the project closed: 150 against a plan of 200 deviates, so it needs a comment.
    await page.getByText('Detaljer, målinger og oppfølging for «Mindre tid på skoleskyss-søknader»').click();
    const measure = page.getByRole('form', { name: 'Ny måling for «Mindre tid på skoleskyss-søknader»' });
    await measure.getByLabel('Måledato').fill('2025-06-01');
    await measure.getByLabel('Målt verdi (søknader)').fill('150');
    await expect.poll(() => measure.getByText(/Planlagt verdi på .*: 200\./).isVisible()).toBe(true);
    await measure.getByRole('button', { name: 'Lagre målingen' }).click();
    await expect
      .poll(() => measure.getByRole('link', { name: 'Verdien avviker fra planen: skriv en kommentar om avviket.' }).isVisible())
      .toBe(true);
    await expectNoAxeViolations(page, 'measurement form asking for a comment');
    await measure.getByLabel('Kommentar').fill('Færre søkte digitalt enn ventet');
    await measure.getByRole('button', { name: 'Lagre målingen' }).click();
    await expect.poll(() => visible(page, 'Målingen er registrert.')).toBe(true);
    const measurements = page.getByRole('table', { name: 'Målinger for «Mindre tid på skoleskyss-søknader»' });
    await expect.poll(() => measurements.getByRole('row').nth(1).textContent()).toContain('Færre søkte digitalt enn ventet');
    await expect.poll(() => register.getByRole('row', { name: /Mindre tid/ }).textContent()).toContain('Avvik: planlagt 200');
    await expect.poll(() => page.getByRole('img', { name: 'Utvikling for «Mindre tid på skoleskyss-søknader»' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'register after a measurement');

    // The realisation view: half the change reached, so half of 400 000 kr per year realised in 2025.
    await page.reload();
    const perYear = page.getByRole('table', { name: 'Gevinster per år' });
    const row2025 = perYear.getByRole('row', { name: /^2025/ });
    await expect.poll(() => row2025.textContent()).toMatch(/400\s000\s*kr.*200\s000\s*kr/);
    await page.getByRole('radio', { name: 'Område' }).check();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Gevinster per område' })
          .getByRole('row', { name: /^Skole/ })
          .isVisible(),
      )
      .toBe(true);
    const list = page.getByRole('table', { name: /Gevinster i porteføljen/ });
    await expect.poll(() => list.getByRole('row', { name: /Mindre tid/ }).textContent()).toContain('Under realisering');
    await expect
      .poll(() => page.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href'))
      .toBe('/api/portfolio/benefits?format=csv');
    await expectNoAxeViolations(page, 'realisation view per area');

    // The list's filters live in the URL: a filtered list survives a reload and exports what it shows.
    const listSection = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Alle gevinster' }) });
    await listSection.getByLabel('Status').selectOption('realised');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('realised');
    await expect.poll(() => visible(page, 'Ingen gevinster passer med filtrene.')).toBe(true);
    await page.reload();
    await expect.poll(() => listSection.getByLabel('Status').inputValue()).toBe('realised');
    await expect
      .poll(() => page.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href'))
      .toBe('/api/portfolio/benefits?status=realised&format=csv');
  }, 240_000);
});
