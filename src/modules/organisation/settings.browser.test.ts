/// <reference lib="dom" />
// [ROLE][ACTION]: the rules' settings (span-of-control thresholds, rule exceptions) on the rules
// page and the administration baselines on the analytics page, in real Chromium against the real
// server, with axe.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseInCombobox, expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

async function signIn(page: Page, username: string, displayName: string) {
  await signInAsDemo(page, username);
  await expect.poll(() => page.getByText(displayName).first().isVisible()).toBe(true);
}

async function openRules(page: Page) {
  await page.goto('/organisasjon/regler');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Regelsjekk');
  // The settings show once the report above them has settled (rules.page.tsx), so nothing moves them.
  await expect.poll(() => page.getByRole('table', { name: 'Grense for lederspenn per lederrolle' }).isVisible()).toBe(true);
}

async function openAnalytics(page: Page) {
  await page.goto('/organisasjon/analyse');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Analyse');
  await expect.poll(() => page.getByRole('heading', { name: 'Administrasjonsandel', level: 2 }).isVisible()).toBe(true);
}

/** The number of span-of-control findings the rules report lists (0 when the rule holds). */
async function spanFindings(page: Page): Promise<number> {
  const heading = page.locator('[data-rule="span_of_control"] h2');
  if ((await heading.count()) === 0) return 0;
  const match = /\((\d+)\)/.exec((await heading.textContent()) ?? '');
  return match ? Number(match[1]) : 0;
}

const row = (table: Locator, name: string) => table.getByRole('row').filter({ hasText: name });

/** A write straight to the API as the signed-in user (someone else's change, for the stale case). */
async function writeAsOtherTab(page: Page, method: 'put' | 'patch', path: string, body: unknown) {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request[method](path, { data: body, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.status()).toBe(200);
}

describe('[ADMINISTRATOR][RULE_SETTINGS]', () => {
  it('changes a span threshold (the report follows) and is told when someone else changed it', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'admin', 'Demo Administrator');
    await openRules(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Innstillinger', level: 2 }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'rules page with settings (administrator)');

    const thresholds = page.getByRole('table', { name: 'Grense for lederspenn per lederrolle' });
    const before = await spanFindings(page);

    // Change the threshold for service area heads to 1: every one with more than one direct report is flagged.
    await page.getByRole('button', { name: 'Endre grensen for Kommunalsjef' }).click();
    const field = page.getByLabel('Ny grense');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await field.getAttribute('id'));
    await field.fill('0');
    await page.getByRole('button', { name: 'Lagre grensen' }).click();
    await expect.poll(() => page.getByText('Skriv et helt tall fra 1 til 1000.').first().isVisible()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'threshold form with an error');
    await field.fill('1');
    await page.getByRole('button', { name: 'Lagre grensen' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Grensen for Kommunalsjef er lagret. Den er nå 1.' });
    await expect.poll(() => saved.isVisible()).toBe(true);
    // Focus lands on the message, not on the form that went away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Grensen for Kommunalsjef er lagret. Den er nå 1.');
    await expect.poll(() => row(thresholds, 'Kommunalsjef').getByRole('cell').nth(1).textContent()).toBe('1');
    await expect.poll(() => spanFindings(page)).toBeGreaterThan(before);

    // Saved: still there after a reload.
    await page.reload();
    await expect.poll(() => row(thresholds, 'Kommunalsjef').getByRole('cell').nth(1).textContent()).toBe('1');

    // Someone else changes the same threshold while the form is open: the save is refused as stale.
    await page.getByRole('button', { name: 'Endre grensen for Direktør' }).click();
    const directorRevision = await page.evaluate(async () => {
      const response = await fetch('/api/organisation/rule-settings');
      const body = (await response.json()) as { settings: { roleType: string; revision: number }[] };
      return body.settings.find((s) => s.roleType === 'director')!.revision;
    });
    await writeAsOtherTab(page, 'put', '/api/organisation/rule-settings/director', { maxSpan: 9, revision: directorRevision });
    await page.getByLabel('Ny grense').fill('7');
    await page.getByRole('button', { name: 'Lagre grensen' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Noen andre har endret dette i mellomtiden' });
    await expect.poll(() => stale.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'threshold form refused as stale');
    await stale.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expect.poll(() => page.getByLabel('Ny grense').inputValue()).toBe('9');
    await page.getByLabel('Ny grense').fill('7');
    await page.getByRole('button', { name: 'Lagre grensen' }).click();
    await expect.poll(() => page.getByText('Grensen for Direktør er lagret. Den er nå 7.').isVisible()).toBe(true);
  }, 120_000);

  it('adds a rule exception with a reason (refused where the unit follows the rule, and twice), the report accepts it, and ends it', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'admin', 'Demo Administrator');
    await openRules(page);

    const exceptions = page.getByRole('table', { name: /^Unntak som gjelder/ });
    await expect.poll(() => exceptions.isVisible()).toBe(true);
    const spansBefore = await spanFindings(page);
    await page.getByText('Legg til et unntak').click();
    // The form is open when its unit field shows; saving it empty at once names what is missing.
    await expect.poll(() => page.getByLabel('Enhet', { exact: true }).and(page.locator('input')).isVisible()).toBe(true);
    // From the keyboard: the button is focused and Enter pressed, wherever the page has moved it to meanwhile.
    await page.getByRole('button', { name: 'Lagre unntaket' }).press('Enter');
    await expect.poll(() => page.getByLabel('Begrunnelse', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByText('Skriv en begrunnelse.').locator('visible=true').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Velg enheten unntaket gjelder.').locator('visible=true').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'rule exception form with errors');

    // «Skole» follows the level rule: nothing to excuse, said by the server.
    await chooseInCombobox(page, 'Enhet', 'Skole');
    await page.getByLabel('Begrunnelse').fill('Skole er lagt rett under direktøren i en prøveperiode.');
    await page.getByRole('button', { name: 'Lagre unntaket' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/^Enheten «Skole» følger nivåregelen .*ingenting å gjøre unntak fra/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    // The span of the director for by- og stedsutvikling og kultur, accepted with a reason.
    await chooseInCombobox(page, 'Enhet', 'By- og stedsutvikling og kultur');
    await page.getByLabel('Regelen enheten unntas fra').selectOption({ label: 'Lederspenn over grensen' });
    await page.getByLabel('Begrunnelse').fill('De lokale koordinatorene er lagt til direktøren i en overgang.');
    await page.getByLabel('Kilde (valgfritt)').fill('Vedtak i bystyret');
    await page.getByRole('button', { name: 'Lagre unntaket' }).click();
    await expect
      .poll(() => page.getByText(/^Unntaket for By- og stedsutvikling og kultur er lagret og gjelder fra/).isVisible())
      .toBe(true);
    await expect.poll(() => row(exceptions, 'De lokale koordinatorene er lagt til direktøren').isVisible()).toBe(true);
    // The report follows: one span warning fewer, shown as accepted with the reason.
    await expect.poll(() => spanFindings(page)).toBe(spansBefore - 1);
    const accepted = page.locator('[data-rule="accepted"]');
    await expect.poll(() => accepted.getByText('De lokale koordinatorene er lagt til direktøren i en overgang.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'rules page after adding a rule exception');

    // A second one for the same unit and rule is refused with the server's message.
    await chooseInCombobox(page, 'Enhet', 'By- og stedsutvikling og kultur');
    await page.getByLabel('Regelen enheten unntas fra').selectOption({ label: 'Lederspenn over grensen' });
    await page.getByLabel('Begrunnelse').fill('En gang til.');
    await page.getByRole('button', { name: 'Lagre unntaket' }).click();
    await expect.poll(() => page.getByText(/har allerede et unntak fra grensen for lederspenn som gjelder fra/).isVisible()).toBe(true);

    // End it from tomorrow on: it still holds today, with an end date.
    await page.getByRole('button', { name: 'Avslutt unntaket for By- og stedsutvikling og kultur' }).click();
    const tomorrow = await page.evaluate(() => {
      const date = new Date(Date.now() + 24 * 3600 * 1000);
      return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(date);
    });
    await page.getByLabel('Gjelder ikke lenger fra og med').fill(tomorrow);
    await page.getByRole('button', { name: 'Avslutt unntaket', exact: true }).click();
    await expect.poll(() => page.getByText(/^Unntaket for By- og stedsutvikling og kultur er avsluttet fra/).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Avslutt unntaket for By- og stedsutvikling og kultur' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'rules page after ending a rule exception');
  }, 120_000);
});

describe('[ORGANISATION_EDITOR][BASELINES]', () => {
  it('records, corrects and deletes a baseline; the comparison shows it', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'organisasjon', 'Demo Organisasjonsredaktør');
    await openAnalytics(page);
    await expectNoAxeViolations(page, 'analytics page (editor)');

    await page.getByText('Legg til et utgangspunkt').click();
    const addForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lagre utgangspunktet' }) });
    // Submitted from the keyboard: Enter in the first field (a click can miss while the page still lays out charts).
    await addForm.getByLabel('Tidligere kommune').press('Enter');
    await expect.poll(() => addForm.getByText('Skriv navnet på kommunen.').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'baseline form with errors');

    await addForm.getByLabel('Tidligere kommune').fill('Drammen kommune');
    await addForm.getByLabel('År', { exact: true }).fill('2019');
    await addForm.getByLabel('Årsverk i administrasjon').fill('3000');
    await addForm.getByLabel('Årsverk totalt').fill('2000');
    await addForm.getByRole('button', { name: 'Lagre utgangspunktet' }).click();
    // The server refuses more administration than in total, in Norwegian, tied to the field.
    await expect
      .poll(() =>
        addForm
          .getByText(/kan ikke være flere enn totalt antall årsverk/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await addForm.getByLabel('Årsverk i administrasjon').fill('412,5');
    await addForm.getByLabel('Kilde (valgfritt)').fill('Årsrapport 2019');
    await addForm.getByRole('button', { name: 'Lagre utgangspunktet' }).click();
    await expect.poll(() => page.getByText('Utgangspunktet for Drammen kommune 2019 er lagret.').isVisible()).toBe(true);

    const table = page.getByRole('table', { name: 'Utgangspunkt i de tidligere kommunene' });
    await expect
      .poll(() => row(table, 'Drammen kommune').textContent())
      .toMatch(/2019.*412,5.*2[\s\u00a0]?000.*20,6[\s\u00a0]?%.*Årsrapport 2019/);
    // The chart compares it with today.
    await expect.poll(() => page.getByText('Drammen kommune 2019').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'analytics page with a baseline');

    // Correct it: the total was 2 500.
    await page.getByRole('button', { name: 'Endre utgangspunktet for Drammen kommune 2019' }).click();
    const editForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lagre endringene' }) });
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Drammen kommune');
    await editForm.getByLabel('Årsverk totalt').fill('2500');
    await editForm.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect.poll(() => page.getByText('Endringene i utgangspunktet for Drammen kommune 2019 er lagret.').isVisible()).toBe(true);
    await expect.poll(() => row(table, 'Drammen kommune').textContent()).toMatch(/16,5[\s\u00a0]?%/);

    // Someone else corrects it while the form is open: the save is refused as stale; reloading shows theirs.
    await page.getByRole('button', { name: 'Endre utgangspunktet for Drammen kommune 2019' }).click();
    const current = await page.evaluate(async () => {
      const response = await fetch('/api/organisation/baselines');
      const body = (await response.json()) as { items: { id: string; name: string; revision: number }[] };
      return body.items.find((item) => item.name === 'Drammen kommune')!;
    });
    await writeAsOtherTab(page, 'patch', `/api/organisation/baselines/${current.id}`, { revision: current.revision, totalFte: 2750 });
    await editForm.getByLabel('Årsverk totalt').fill('2600');
    await editForm.getByRole('button', { name: 'Lagre endringene' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Noen andre har endret dette i mellomtiden' });
    await expect.poll(() => stale.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'baseline form refused as stale');
    await stale.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expect.poll(() => editForm.getByLabel('Årsverk totalt').inputValue()).toBe('2750');
    await editForm.getByRole('button', { name: 'Avbryt' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Endre utgangspunktet for Drammen kommune 2019');

    // A second one, deleted again after a confirmation.
    await addForm.getByLabel('Tidligere kommune').fill('Svelvik kommune');
    await addForm.getByLabel('År', { exact: true }).fill('2019');
    await addForm.getByLabel('Årsverk i administrasjon').fill('40');
    await addForm.getByLabel('Årsverk totalt').fill('300');
    await addForm.getByRole('button', { name: 'Lagre utgangspunktet' }).click();
    await expect.poll(() => row(table, 'Svelvik kommune').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Slett utgangspunktet for Svelvik kommune 2019' }).click();
    await expect
      .poll(() => page.getByText('Vil du slette utgangspunktet for Svelvik kommune 2019? Det kan ikke angres.').isVisible())
      .toBe(true);
    await expectNoAxeViolations(page, 'baseline delete confirmation');
    await page.getByRole('button', { name: 'Ja, slett' }).click();
    await expect.poll(() => page.getByText('Utgangspunktet for Svelvik kommune 2019 er slettet.').isVisible()).toBe(true);
    await expect.poll(() => row(table, 'Svelvik kommune').count()).toBe(0);
    expect(await row(table, 'Drammen kommune').count()).toBe(1);

    // The editor may not change the rules' settings: the rules page shows them read-only.
    await openRules(page);
    expect(await page.getByRole('button', { name: /^Endre grensen for/ }).count()).toBe(0);
  }, 120_000);
});

describe('[EMPLOYEE][SETTINGS_READ_ONLY]', () => {
  it('sees the settings and baselines without any way to change them', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'ansatt', 'Demo Medarbeider');
    await openRules(page);
    expect(await page.getByText('Du kan se innstillingene, men bare administratorer kan endre dem.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: /^Unntak som gjelder/ }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Endre grensen for/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Avslutt unntaket/ }).count()).toBe(0);
    expect(await page.getByText('Legg til et unntak').count()).toBe(0);
    await expectNoAxeViolations(page, 'rules page with settings (employee)');

    await openAnalytics(page);
    expect(await page.getByText('Du trenger redigeringstilgang til organisasjonen for å endre utgangspunktene.').isVisible()).toBe(true);
    expect(await page.getByText('Legg til et utgangspunkt').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Endre|Slett) utgangspunktet/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'analytics page (employee)');
  });
});
