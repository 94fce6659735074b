/// <reference lib="dom" />
// [ROLE][ACTION]: the requester's side of leader support in real Chromium against the real server:
// a school leader submits a payroll request, a first-line agent registers an urgent phone request for
// a leader. Axe on every page state; the category step and the form are driven by the keyboard.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import type { Catalogue, Category, RequestDetail } from './leader-support.schemas.js';

const b = useBrowser();

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function signIn(page: Page, username: 'leder' | 'forstelinje', displayName: string) {
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

/** The payroll category, as the catalogue has it today (not hard-coded: the desk may rename it). */
async function payrollCategory(page: Page): Promise<Category> {
  const response = await page.request.get('/api/leader-support/catalogue');
  expect(response.status()).toBe(200);
  const catalogue = (await response.json()) as Catalogue;
  const payroll = catalogue.categories.find((c) => c.area === 'lonn') ?? catalogue.categories.find((c) => /lønn/i.test(c.name.nb));
  expect(payroll, 'a payroll category in the catalogue').toBeDefined();
  return payroll!;
}

/** Step 1 by keyboard: Tab to the category, Space chooses it, Enter goes on. */
async function chooseCategoryByKeyboard(page: Page, category: Category) {
  const radio = page.getByRole('radio', { name: category.name.nb, exact: true });
  await radio.focus();
  await page.keyboard.press('Space');
  expect(await radio.isChecked()).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('heading', { level: 2, name: `Steg 2 av 2: ${category.name.nb}` }).isVisible()).toBe(true);
  // Focus lands on the step's heading, so the form is read from the top.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Steg 2 av 2: ${category.name.nb}`);
}

/** Fills the category's required fields, whatever they are: people and units by search, choices by their first option. */
async function fillRequiredFields(page: Page, category: Category) {
  for (const field of category.fields.filter((f) => f.required)) {
    const label = field.label.nb;
    if (field.type === 'person' || field.type === 'unit') {
      const group = page.getByRole('group', { name: label, exact: true });
      await group
        .getByLabel(field.type === 'person' ? 'Søk etter person' : 'Søk etter enhet')
        .fill(field.type === 'person' ? 'Enger' : 'skole');
      const first = group.getByRole('radio').first();
      await expect.poll(() => first.isVisible()).toBe(true);
      // Keyboard: Space on the first match chooses it.
      await first.focus();
      await page.keyboard.press('Space');
      expect(await first.isChecked()).toBe(true);
    } else if (field.type === 'select') {
      await page.getByRole('combobox', { name: label, exact: true }).selectOption({ index: 1 });
    } else if (field.type === 'date') {
      await page.getByLabel(new RegExp(`^${label}`)).fill('2026-12-01');
    } else {
      await page.getByRole('textbox', { name: label, exact: true }).fill(field.type === 'number' ? '2' : 'Nettlesertest');
    }
  }
}

async function requestNumberFromUrl(page: Page): Promise<number> {
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/lederstotte\/henvendelser\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

const rowOf = (table: Locator, number: number) => table.getByRole('row', { name: new RegExp(`LS-${number}\\b`) });

// Two sign-ins and a dozen axe runs: longer than the default minute on a busy two-core machine.
const timeout = 150_000;

describe('[LEADER][SUBMIT]', () => {
  it(
    'a school leader submits a payroll request: the unit is shown, not typed; required fields first; then it is in «Mine henvendelser»',
    { timeout },
    async () => {
      const { page } = await b.newPage();
      await signIn(page, 'leder', 'Demo Leder');

      // The front page: the concept, and the doors a leader has (not the queue, not the figures).
      await page.goto('/lederstotte');
      await expect.poll(() => h1(page)).toBe('Lederstøtte');
      const doors = page.locator('.kp-card-grid');
      await expect.poll(() => doors.getByRole('link').allTextContents()).toEqual(['Kunnskapsbase', 'Ny henvendelse', 'Mine henvendelser']);
      await expect.poll(() => page.getByText('Du har ingen åpne henvendelser.').isVisible()).toBe(true);
      await expectNoAxeViolations(page, 'leader support, front page');

      await doors.getByRole('link', { name: 'Ny henvendelse' }).click();
      await expect.poll(() => h1(page)).toBe('Ny henvendelse');
      const payroll = await payrollCategory(page);

      // Step 1: going on without a category is refused, said in the summary and at the choice.
      await expect.poll(() => page.getByRole('radio').count()).toBeGreaterThan(5);
      await page.getByRole('button', { name: 'Neste' }).click();
      const stepOneSummary = page.getByRole('group', { name: 'Dette må rettes før du kan sende' });
      await expect.poll(() => stepOneSummary.getByRole('link').allTextContents()).toEqual(['Velg hva henvendelsen gjelder.']);
      await expectNoAxeViolations(page, 'new request, no category chosen');
      await chooseCategoryByKeyboard(page, payroll);

      // Where it comes from: read from the organisation, shown, never a field to type in.
      const from = page.getByText('Sendes fra:').locator('..');
      await expect.poll(() => from.textContent()).toContain('Aronsløkka skole (nivå 3)');
      expect(await page.getByRole('textbox', { name: /enhet/i }).count()).toBe(0);
      // A leader's own request has no «Haster» (urgent matters come by phone) and no «for a leader» choice.
      expect(await page.getByLabel('Prioritet').locator('option').allTextContents()).toEqual(['Lav', 'Normal', 'Høy']);
      expect(await page.getByRole('radio', { name: 'Registrer for en leder' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'new request, payroll form');

      // Sending it empty: every required field is named in the summary, which takes the focus, and marked at the field.
      await page.getByRole('button', { name: 'Send henvendelse' }).click();
      const summary = page.getByRole('group', { name: 'Dette må rettes før du kan sende' });
      const required = payroll.fields.filter((f) => f.required);
      await expect.poll(() => summary.getByRole('link').count()).toBe(1 + required.length);
      expect((await summary.getByRole('link').allTextContents())[0]).toBe('Skriv et emne.');
      for (const field of required)
        expect(await summary.getByRole('link').allTextContents()).toContainEqual(expect.stringContaining(`«${field.label.nb}»`));
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('ds-error-summary');
      expect(await page.getByLabel('Emne').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'new request, required fields missing');

      // The summary's link takes the user to the field.
      await summary.getByRole('link', { name: 'Skriv et emne.' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel('Emne').getAttribute('id'));

      // Filled in (fixed fields disappear from the summary as they are fixed), and sent with Enter.
      await page.getByLabel('Emne').fill('Feil i lønnsutbetalingen for november');
      await page.getByLabel('Beskrivelse').fill('En lærer fikk ikke utbetalt overtid for november.');
      await fillRequiredFields(page, payroll);
      await expect.poll(() => summary.count()).toBe(0);
      await page.getByLabel('Emne').focus();
      await page.keyboard.press('Enter');
      const number = await requestNumberFromUrl(page);

      // The request, as the server stored it: the leader's unit and sector from the organisation, digital, in the first line.
      const stored = (await (await page.request.get(`/api/leader-support/requests/${number}`)).json()) as RequestDetail;
      expect(stored).toMatchObject({
        subject: 'Feil i lønnsutbetalingen for november',
        channel: 'portal',
        line: 1,
        status: 'new',
        category: { key: payroll.key },
      });
      expect(stored.unit).toMatchObject({ name: 'Aronsløkka skole', level: 3 });

      // «Mine henvendelser»: the request is there, linked by its number; the unit's tab has it too.
      await page.goto('/lederstotte/henvendelser');
      await expect.poll(() => h1(page)).toBe('Mine henvendelser');
      const mine = page.getByRole('table', { name: 'Mine henvendelser: åpne' });
      await expect.poll(() => rowOf(mine, number).textContent()).toContain('Feil i lønnsutbetalingen for november');
      const cells = await rowOf(mine, number).getByRole('cell').allTextContents();
      expect(cells.slice(0, 5)).toEqual([`LS-${number}`, 'Feil i lønnsutbetalingen for november', payroll.name.nb, 'Ny', '1. linje']);
      await expectNoAxeViolations(page, 'my requests');

      await page.getByRole('tab', { name: 'Min enhets henvendelser' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('visning')).toBe('enhet');
      const unit = page.getByRole('table', { name: 'Henvendelser fra enheten min og enhetene under: åpne' });
      await expect.poll(() => rowOf(unit, number).textContent()).toContain('Demo Leder');
      await expectNoAxeViolations(page, 'my unit’s requests');

      // A closed filter shows none yet, said in words.
      await page.getByLabel('Status').selectOption({ label: 'Lukket' });
      await page.getByRole('button', { name: 'Vis' }).click();
      await expect.poll(() => page.getByText('Ingen henvendelser fra enheten din her (lukket).').isVisible()).toBe(true);
      await expectNoAxeViolations(page, 'my unit’s requests, none closed');

      // Back on the front page, the count of open requests.
      await page.goto('/lederstotte');
      await expect.poll(() => page.getByText('Du har 1 åpen henvendelse.').isVisible()).toBe(true);
    },
  );
});

describe('[FIRST_LINE][PHONE]', () => {
  it('a first-line agent registers an urgent phone request on a leader’s behalf, and the leader sees it', { timeout }, async () => {
    const { page } = await b.newPage();
    await signIn(page, 'forstelinje', 'Demo Førstelinje');
    await page.goto('/lederstotte');
    await expect.poll(() => h1(page)).toBe('Lederstøtte');
    // An agent also has the queue and the figures.
    await expect
      .poll(() => page.locator('.kp-card-grid').getByRole('link').allTextContents())
      .toEqual(expect.arrayContaining(['Ny henvendelse', 'Kø', 'Tall']));
    await expectNoAxeViolations(page, 'leader support, front page, first line');

    await page.goto('/lederstotte/ny');
    await expect.poll(() => h1(page)).toBe('Ny henvendelse');
    const payroll = await payrollCategory(page);
    await expect.poll(() => page.getByRole('radio').count()).toBeGreaterThan(5);
    await chooseCategoryByKeyboard(page, payroll);

    // «Registrer for en leder»: the leader is required once chosen.
    await page.getByRole('radio', { name: 'Registrer for en leder' }).check();
    const leader = page.getByRole('group', { name: 'Leder', exact: true });
    await page.getByLabel('Emne').fill('Lønn ikke utbetalt – haster');
    await fillRequiredFields(page, payroll);
    await page.getByRole('button', { name: 'Registrer henvendelsen' }).click();
    const summary = page.getByRole('group', { name: 'Dette må rettes før du kan sende' });
    await expect.poll(() => summary.getByRole('link').allTextContents()).toEqual(['Velg lederen henvendelsen gjelder.']);
    await expectNoAxeViolations(page, 'new request for a leader, leader missing');

    // Enter in the search field searches; it does not send the form.
    await leader.getByLabel('Søk etter leder').fill('Demo Leder');
    await leader.getByLabel('Søk etter leder').press('Enter');
    const choice = leader.getByRole('radio', { name: /Demo Leder/ });
    await expect.poll(() => choice.isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/lederstotte/ny');
    await choice.check();
    await expect.poll(() => page.getByText('Sendes fra:').locator('..').textContent()).toContain('Aronsløkka skole');

    // By phone (the default here), and urgent (only agents may set it).
    expect(await page.getByLabel('Kanal').inputValue()).toBe('phone');
    await page.getByLabel('Prioritet').selectOption({ label: 'Haster' });
    await expectNoAxeViolations(page, 'new request for a leader, filled in');
    await page.getByRole('button', { name: 'Registrer henvendelsen' }).click();
    const number = await requestNumberFromUrl(page);

    const stored = (await (await page.request.get(`/api/leader-support/requests/${number}`)).json()) as RequestDetail;
    expect(stored).toMatchObject({
      channel: 'phone',
      priority: 'urgent',
      requester: { name: 'Demo Leder' },
      registeredBy: 'Demo Førstelinje',
    });
    expect(stored.unit?.name).toBe('Aronsløkka skole');

    // The leader finds it in «Mine henvendelser».
    const leaderPage = (await b.newPage()).page;
    await signIn(leaderPage, 'leder', 'Demo Leder');
    await leaderPage.goto('/lederstotte/henvendelser');
    const mine = leaderPage.getByRole('table', { name: 'Mine henvendelser: åpne' });
    await expect.poll(() => rowOf(mine, number).textContent()).toContain('Lønn ikke utbetalt – haster');
    await expectNoAxeViolations(leaderPage, 'my requests, registered by the first line');
  });
});

describe('[LEADER][SELF_SERVICE]', () => {
  it('a suggested article solves it: the request is stored as solved by self-service, and the leader is told so', { timeout }, async () => {
    const { page } = await b.newPage();
    await signIn(page, 'leder', 'Demo Leder');
    // A category with no required fields of its own, and its demo article.
    const catalogue = (await (await page.request.get('/api/leader-support/catalogue')).json()) as Catalogue;
    const category = catalogue.categories.find((c) => c.key === 'e-handel');
    expect(category, 'the e-commerce category').toBeDefined();

    await page.goto(`/lederstotte/ny?kategori=${category!.key}`);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: `Steg 2 av 2: ${category!.name.nb}` }).isVisible()).toBe(true);
    await page.getByLabel('Emne').fill('Hvordan bestiller jeg varer i e-handel?');
    const suggestions = page.getByRole('region', { name: 'Kanskje dette svarer på spørsmålet ditt?' });
    const article = suggestions.getByText('E-handel: bestille varer og tjenester');
    await expect.poll(() => article.isVisible()).toBe(true);
    await article.click();
    await expectNoAxeViolations(page, 'new request, a suggested article open');
    await suggestions.getByRole('button', { name: 'Dette løste saken min: E-handel: bestille varer og tjenester' }).click();

    const confirmation = page.getByRole('status').filter({ hasText: 'Flott! Vi har registrert at artikkelen løste saken.' });
    await expect.poll(() => confirmation.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kp-ls-req-solved'))).toBe(true);
    const number = Number(/LS-(\d+)/.exec((await confirmation.textContent()) ?? '')?.[1]);
    expect(number).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'new request, solved by an article');

    const stored = (await (await page.request.get(`/api/leader-support/requests/${number}`)).json()) as RequestDetail;
    expect(stored).toMatchObject({ selfService: true, status: 'closed', subject: 'Hvordan bestiller jeg varer i e-handel?' });
    expect(stored.articles.map((a) => a.title)).toContain('E-handel: bestille varer og tjenester');
  });
});
