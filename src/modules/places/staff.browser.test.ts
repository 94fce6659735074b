/// <reference lib="dom" />
// [ROLE][ACTION]: the places staff pages (import and export; editing districts and hubs) in real
// Chromium against the real server, with axe on every page.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import { demoPassword, hashPassword, recordAudit, systemContext } from '../../kernel/index.js';
import { insertUser } from '../accounts/index.js';

const b = useBrowser();

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function signIn(page: Page, username: 'organisasjon' | 'ansatt') {
  await signInAsDemo(page, username);
  const name = username === 'organisasjon' ? 'Demo Organisasjonsredaktør' : 'Demo Medarbeider';
  await expect.poll(() => page.getByText(name).first().isVisible()).toBe(true);
}

/** Chooses a CSV file, says what it holds, and runs the dry run. */
async function tryCsv(page: Page, name: string, entity: string, text: string) {
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByLabel('Hva inneholder CSV-filen?').selectOption({ label: entity });
  await page.getByRole('button', { name: 'Last opp og prøv importen' }).click();
  await expect.poll(() => page.getByRole('heading', { name: `Prøveimport av «${name}»` }).isVisible()).toBe(true);
  // Focus moves to the report, so it is read next.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`Prøveimport av «${name}»`);
}

describe('[ORGANISATION_EDITOR][IMPORT_EXPORT_PLACES]', () => {
  it('exports JSON, imports a service and its coverage from CSV (dry run, then apply), and refuses a bad file whole', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'organisasjon');
    await page.goto('/steder-og-tjenester');
    const menu = page.getByRole('navigation', { name: 'Steder og tjenester – sider' });
    await menu.getByRole('link', { name: 'Import og eksport' }).click();
    await expect.poll(() => h1(page)).toBe('Import og eksport av steder og tjenester');
    expect(await menu.locator('[aria-current="page"]').allTextContents()).toEqual(['Import og eksport']);
    await expectNoAxeViolations(page, 'places import and export');

    // The export: JSON by default, and the download arrives.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^steder-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as { format: string; districts: unknown[] };
    expect(file.format).toBe('knutepunkt-places');
    expect(file.districts).toHaveLength(10);
    // CSV asks which kind of record.
    await page.getByLabel('Filtype').first().selectOption({ label: 'CSV (én type per fil)' });
    expect(await page.getByRole('link', { name: 'Last ned' }).getAttribute('href')).toMatch(/format=csv&entity=services/);

    // A CSV with nothing chosen: said at the fields.
    await page.getByRole('button', { name: 'Last opp og prøv importen' }).click();
    await expect.poll(() => page.getByText('Velg en fil.').isVisible()).toBe(true);
    expect(await page.getByLabel('Fil', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // A new service: the dry run shows the plan and changes nothing; «Importer» applies it.
    await tryCsv(
      page,
      'tjenester.csv',
      'Tjenester',
      'key;name;unitKey;proximityClass;targetGroups;channels\r\nnettlesertest-sprakkafe;Språkkafé for nye innbyggere;bibliotek-og-moteplass;every_district;voksne | innvandrere;in_person\r\n',
    );
    const changes = page.getByRole('table', { name: 'Endringer som blir gjort' });
    const row = changes.getByRole('row', { name: /nettlesertest-sprakkafe/ });
    await expect.poll(() => row.textContent()).toContain('Ny');
    expect(await page.getByText('Ingen problemer. Se over endringene og velg «Importer».').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'places import, dry run');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => page.getByText('Importen er gjennomført: 1 nye og 0 endret.').isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Endringer som ble gjort' }).textContent()).toContain('nettlesertest-sprakkafe');
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'places import, applied');

    // Its coverage: in district 3 at the hub's building, on Wednesdays.
    await tryCsv(
      page,
      'dekning.csv',
      'Dekning',
      'serviceKey;districtNumber;siteKey;mode;weeklyTimes\r\nnettlesertest-sprakkafe;3;solberghallen-ligosenteret;weekly;3 10:00-14:00\r\n',
    );
    await expect
      .poll(() => page.getByRole('table', { name: 'Endringer som blir gjort' }).textContent())
      .toContain('nettlesertest-sprakkafe');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => page.getByText('Importen er gjennomført: 1 nye og 0 endret.').isVisible()).toBe(true);

    // A bad file: an unknown district, shown with its row and column; it cannot be applied.
    await tryCsv(
      page,
      'feil.csv',
      'Dekning',
      'serviceKey;districtNumber;siteKey;mode\r\nnettlesertest-sprakkafe;5;;always\r\nnettlesertest-sprakkafe;42;;always\r\n',
    );
    const problems = page.getByRole('table', { name: 'Problemer' });
    await expect.poll(() => problems.isVisible()).toBe(true);
    const problem = problems.getByRole('row').nth(1);
    const cells = await problem.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['Dekning', '3', 'districtNumber']);
    expect(await page.getByText('Filen har ett problem.', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'places import, problems');

    // Citizens see the imported service on the public pages; the bad file changed nothing (not in district 5).
    const citizen = (await b.newPage()).page;
    await citizen.goto('/steder-og-tjenester/kommunedeler/3');
    await expect.poll(() => h1(citizen)).toMatch(/^Kommunedel 3:/);
    const services = citizen.getByRole('table', { name: 'Tjenester i kommunedel 3' });
    await expect
      .poll(() => services.getByRole('row', { name: /Språkkafé for nye innbyggere/ }).textContent())
      .toContain('onsdag 10:00–14:00');
    await services.getByRole('link', { name: 'Språkkafé for nye innbyggere' }).click();
    await expect.poll(() => h1(citizen)).toBe('Språkkafé for nye innbyggere');
    const where = citizen.getByRole('table', { name: 'Hvor og når du får Språkkafé for nye innbyggere' });
    await expect.poll(() => where.getByRole('row', { name: /Kommunedel 3:/ }).textContent()).toContain('onsdag 10:00–14:00');
    expect(await where.getByRole('row', { name: /Kommunedel 5:/ }).textContent()).toContain('Ikke registrert');
    await expectNoAxeViolations(citizen, 'imported service, public page');
  });
});

describe('[ORGANISATION_EDITOR][IMPORT_PLACES_KEEPS_DATA]', () => {
  it('a district file with a few columns: the dry run names what changes, what is cleared and what is left; «Importer» confirms it', async () => {
    type Districts = {
      districts: { number: number; name: string; population: number | null; populationSource: string | null; shortName: string | null }[];
    };
    const district = async () =>
      ((await b.knutepunkt.app.inject({ url: '/api/places/districts' })).json() as Districts).districts.find((d) => d.number === 8)!;
    const before = await district();
    expect(before.population).not.toBeNull();
    expect(before.populationSource).not.toBeNull();

    const { page } = await b.newPage();
    await signIn(page, 'organisasjon');
    await page.goto('/steder-og-tjenester/import-eksport');
    await expect.poll(() => h1(page)).toBe('Import og eksport av steder og tjenester');
    await expect.poll(() => page.getByText(/Skriv \(tøm\) i cellen for å tømme et felt/).isVisible()).toBe(true);
    // No population column: left as it is; «(tøm)» clears the population source.
    await tryCsv(page, 'kommunedel-8.csv', 'Kommunedeler', `number;name;shortName;populationSource\r\n8;${before.name};Kd. 8;(tøm)\r\n`);
    const row = page.getByRole('table', { name: 'Endringer som blir gjort' }).getByRole('row').nth(1);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['Kommunedeler', '2', '8']);
    expect(cells[3]).toBe('Endres');
    expect(cells[4]).toContain('→ «Kd. 8»');
    expect(cells[4]).toContain(`populationSource: «${before.populationSource}» → tømmes`);
    expect(cells[5]).toMatch(/\bpopulation\b.*localCoordinatorPositionKey.*note/);
    expect(await page.getByText('Ingen problemer. Se over endringene og velg «Importer».').isVisible()).toBe(true);
    // Nothing is changed by the dry run.
    expect(await district()).toEqual(before);
    await expectNoAxeViolations(page, 'places import, dry run with old → new, cleared and left');

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => page.getByText('Importen er gjennomført: 0 nye og 1 endret.').isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Endringer som ble gjort' }).textContent()).toContain('→ «Kd. 8»');
    await expectNoAxeViolations(page, 'places import, applied');
    expect(await district()).toEqual({ ...before, shortName: 'Kd. 8', populationSource: null, revision: expect.any(Number) as number });
  });
});

describe('[ORGANISATION_EDITOR][EDIT_DISTRICT_AND_HUB]', () => {
  it('changes a district’s short name and a hub’s success criteria, and citizens see them', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'organisasjon');
    await page.goto('/steder-og-tjenester/kommunedeler/2');
    await expect.poll(() => h1(page)).toMatch(/^Kommunedel 2:/);
    await page.getByText('Endre opplysningene om kommunedel 2').click();
    await page.getByLabel('Kortnavn', { exact: true }).fill('Nedre Eiker nord');
    await expectNoAxeViolations(page, 'district page with the editor');
    await page.getByRole('button', { name: 'Lagre endringen' }).click();
    await expect.poll(() => page.getByText(/Lagret\. Endringen gjelder fra/).isVisible()).toBe(true);
    // Focus moves to the confirmation.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Lagret\./);

    // Nothing changed: said so, nothing sent.
    await page.getByRole('button', { name: 'Lagre endringen' }).click();
    await expect.poll(() => page.getByText('Du har ikke endret noe, så ingenting ble lagret.').isVisible()).toBe(true);

    // A required field left empty: said at the field.
    await page.getByLabel('Offisielt navn').fill('');
    await page.getByRole('button', { name: 'Lagre endringen' }).click();
    await expect.poll(() => page.getByText('Skriv det offisielle navnet på kommunedelen.').isVisible()).toBe(true);
    expect(await page.getByLabel('Offisielt navn').getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('link', { name: 'Lokalt knutepunkt kommunedel 2' }).click();
    await expect.poll(() => h1(page)).toBe('Lokalt knutepunkt kommunedel 2');
    await page.getByText('Endre opplysningene om knutepunktet').click();
    await page.getByLabel('Mål', { exact: true }).fill('Minst 200 besøk i uken innen ett år.');
    await expectNoAxeViolations(page, 'hub page with the editor');
    await page.getByRole('button', { name: 'Lagre endringen' }).first().click();
    await expect.poll(() => page.getByText(/Lagret\. Endringen gjelder fra/).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Lagret\./);

    const citizen = (await b.newPage()).page;
    await citizen.goto('/steder-og-tjenester/kommunedeler/2');
    await expect.poll(() => citizen.locator('.kp-facts').textContent()).toContain('Nedre Eiker nord');
    await citizen.getByRole('link', { name: 'Lokalt knutepunkt kommunedel 2' }).click();
    await expect.poll(() => h1(citizen)).toBe('Lokalt knutepunkt kommunedel 2');
    await expect.poll(() => citizen.getByText('Minst 200 besøk i uken innen ett år.').isVisible()).toBe(true);
    expect(await citizen.getByText('Endre opplysningene om knutepunktet').count()).toBe(0);
  });
});

describe('[EMPLOYEE][READ_ONLY]', () => {
  it('an employee may export but sees no import, and no editors on the district and hub pages', async () => {
    const { page } = await b.newPage();
    await signIn(page, 'ansatt');
    await page.goto('/steder-og-tjenester/import-eksport');
    await expect.poll(() => h1(page)).toBe('Import og eksport av steder og tjenester');
    await expect.poll(() => page.getByText(/trenger redigeringstilgang for steder og tjenester for å importere/).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Last ned' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Fil', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Last opp og prøv importen' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'places import and export, read only');

    await page.goto('/steder-og-tjenester/kommunedeler/2');
    await expect.poll(() => h1(page)).toMatch(/^Kommunedel 2:/);
    expect(await page.getByText('Endre opplysningene om kommunedel 2').count()).toBe(0);
    await page.getByRole('link', { name: 'Lokalt knutepunkt kommunedel 2' }).click();
    await expect.poll(() => h1(page)).toBe('Lokalt knutepunkt kommunedel 2');
    expect(await page.getByText('Endre opplysningene om knutepunktet').count()).toBe(0);
    expect(await page.getByText(/Endre adresse og åpningstider/).count()).toBe(0);
  });
});

describe('[ORGANISATION_EDITOR][EDITOR_AREA]', () => {
  it('an editor limited to «Skole» edits no district, hub or catalogue entry and is told why there is no import', async () => {
    // A new editor, limited to «Skole» by an administrator through the API, signs in in the browser.
    const db = b.knutepunkt.database.db;
    const password = 'limited-editor-password';
    const user = await db.transaction().execute(async (trx) => {
      const created = await insertUser(trx, {
        username: 'skoleredaktor',
        display_name: 'Skoleredaktør',
        password_hash: await hashPassword(password),
        roles: ['organisation_editor'],
        disabled_at: null,
      });
      await recordAudit(trx, systemContext, {
        action: 'create',
        entityType: 'user',
        entityId: created.id,
        after: { username: 'skoleredaktor' },
      });
      return created;
    });
    const skole = (await db
      .selectFrom('org_units' as never)
      .select('id' as never)
      .where('key' as never, '=', 'omrade-skole' as never)
      .executeTakeFirstOrThrow()) as { id: string };
    const admin = await b.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: demoPassword },
    });
    const adminCookie = String(admin.headers['set-cookie']).split(';')[0]!;
    const limited = await b.knutepunkt.app.inject({
      method: 'PUT',
      url: `/api/organisation/editor-areas/${user.id}`,
      headers: { cookie: adminCookie, 'x-csrf-token': (admin.json() as { csrfToken: string }).csrfToken },
      payload: { unitIds: [skole.id] },
    });
    expect(limited.statusCode, limited.body).toBe(200);

    const { page } = await b.newPage();
    await page.goto('/logg-inn');
    await page.getByLabel('Brukernavn').fill('skoleredaktor');
    await page.getByLabel('Passord').fill(password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect.poll(() => page.getByText('Skoleredaktør').first().isVisible()).toBe(true);

    await page.goto('/steder-og-tjenester/import-eksport');
    await expect.poll(() => h1(page)).toBe('Import og eksport av steder og tjenester');
    await expect.poll(() => page.getByText(/bare endre det som hører til ditt område av organisasjonen/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Last opp og prøv importen' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'places import and export, editor limited to an area');

    // The page asks the organisation for the editor's area; once it has answered, no editor shows.
    const areaAnswered = page.waitForResponse((response) => response.url().includes('/api/organisation/me'));
    await page.goto('/steder-og-tjenester/kommunedeler/2');
    await areaAnswered;
    await expect.poll(() => h1(page)).toMatch(/^Kommunedel 2:/);
    expect(await page.getByText('Endre opplysningene om kommunedel 2').count()).toBe(0);
    // Within the app the answer is already known when the hub page draws.
    await page.getByRole('link', { name: 'Lokalt knutepunkt kommunedel 2' }).click();
    await expect.poll(() => h1(page)).toBe('Lokalt knutepunkt kommunedel 2');
    expect(await page.getByText('Endre opplysningene om knutepunktet').count()).toBe(0);
    expect(await page.getByText(/Endre adresse og åpningstider/).count()).toBe(0);
  });
});
