/// <reference lib="dom" />
// [ROLE][ACTION]: the places pages in real Chromium against the real server, with axe on every page.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseInCombobox, expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';

const b = useBrowser();

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** A signed-in request context that may write: the session cookie and its CSRF token. */
async function staffApi(context: BrowserContext, page: Page) {
  await signInAsDemo(page, 'organisasjon');
  await page.getByText('Demo Organisasjonsredaktør').first().waitFor();
  const session = (await (await context.request.get('/api/session')).json()) as { csrfToken: string };
  return {
    async post(path: string, data: unknown) {
      const response = await context.request.post(path, { data, headers: { 'x-csrf-token': session.csrfToken } });
      if (response.status() !== 201) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as { id: string };
    },
  };
}

async function getJson<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path);
  if (response.status() !== 200) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('[CITIZEN][FIND_SERVICE]', () => {
  // The sources do not say where the health stations are: a staff member records that one site
  // serves districts 3 and 4 on Tuesdays («Helsestasjon for kommunedel 3 og 4»).
  beforeAll(async () => {
    const { context, page } = await b.newPage();
    const api = await staffApi(context, page);
    const search = await getJson<{ results: { id: string; name: string }[] }>(context, '/api/places/search?q=helsestasjon');
    const service = search.results.find((hit) => hit.name === 'Helsestasjon');
    if (!service) throw new Error('No «Helsestasjon» in the catalogue');
    const districts = await getJson<{ districts: { number: number; hub: { id: string } | null }[] }>(context, '/api/places/districts');
    const hubId = districts.districts.find((d) => d.number === 4)?.hub?.id;
    const hub = await getJson<{ sites: { id: string; name: string }[] }>(context, `/api/places/hubs/${hubId}`);
    const siteId = hub.sites[0]!.id;
    for (const districtNumber of [3, 4]) {
      await api.post('/api/places/coverage', {
        serviceId: service.id,
        districtNumber,
        siteId,
        mode: 'weekly',
        weeklyTimes: [{ weekday: 2, from: '09:00', to: '15:00' }],
        validFrom: '2020-01-01',
        source: 'Nettlesertest',
      });
    }
    await context.close();
  });

  it('a signed-out citizen finds a health station for their district, starting from the front page', async () => {
    const { page } = await b.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Finn tjeneste' }).click();
    await expect.poll(() => h1(page)).toBe('Finn tjeneste');
    await expectNoAxeViolations(page, 'find a service, empty');

    // Nothing typed: the server's plain message, at the field.
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const query = page.getByRole('searchbox', { name: 'Hva leter du etter?' });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Skriv inn hva du leter etter');
    await expect.poll(() => query.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'find a service, empty search');

    // Far too long: told how long it may be; nothing breaks.
    await query.fill('helsestasjon '.repeat(30));
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Søket er for langt');

    // An inflected word and the district: the health station for district 4.
    await query.fill('helsestasjonen');
    await page.getByLabel('Kommunedel', { exact: true }).selectOption({ label: 'Kommunedel 4: Rødskog og Gulskogen' });
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const results = page.getByRole('list', { name: 'Tjenester som passer' });
    await expect.poll(() => results.getByRole('link', { name: 'Helsestasjon', exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('kommunedel 4');
    expect(new URL(page.url()).searchParams.get('kommunedel')).toBe('4');
    await expectNoAxeViolations(page, 'find a service, results');

    // The service page: where and when in each district.
    await results.getByRole('link', { name: 'Helsestasjon', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('Helsestasjon');
    const where = page.getByRole('table', { name: 'Hvor og når du får Helsestasjon' });
    const row4 = where.getByRole('row', { name: /Kommunedel 4: Rødskog og Gulskogen/ });
    await expect.poll(() => row4.textContent()).toContain('Paviljong ved Gulskogen skole');
    expect(await row4.textContent()).toContain('tirsdag 09:00–15:00');
    expect(await row4.textContent()).toContain('felles for kommunedel 3 og 4');
    expect(await where.getByRole('row', { name: /Kommunedel 1:/ }).textContent()).toContain('Ikke registrert');
    await expectNoAxeViolations(page, 'service page');

    // The district page: the hub, and where the shared service is.
    await row4.getByRole('link', { name: 'Kommunedel 4: Rødskog og Gulskogen' }).click();
    await expect.poll(() => h1(page)).toBe('Kommunedel 4: Rødskog og Gulskogen');
    const menu = page.getByRole('navigation', { name: 'Steder og tjenester – sider' });
    expect(await menu.locator('[aria-current="page"]').allTextContents()).toEqual(['Kommunedeler']);
    const shared = page.getByRole('table', { name: 'Felles tjenester og hvor de er' });
    await expect.poll(() => shared.getByRole('link', { name: 'Helsestasjon for kommunedel 3 og 4' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'district page');

    // The hub page: its site, with what the sources do not say shown as unknown.
    await page.getByRole('link', { name: 'Lokalt knutepunkt kommunedel 4' }).click();
    await expect.poll(() => h1(page)).toBe('Lokalt knutepunkt kommunedel 4');
    await expect.poll(() => page.getByRole('heading', { name: 'Paviljong ved Gulskogen skole' }).isVisible()).toBe(true);
    const facts = page.locator('.kp-places-site').first();
    expect(await facts.textContent()).toMatch(/Adresseukjent/);
    expect(await facts.textContent()).toMatch(/Åpningstiderukjent/);
    const services = page.getByRole('table', { name: /Tjenester i Lokalt knutepunkt kommunedel 4/ });
    await expect.poll(() => services.textContent()).toContain('tirsdag 09:00–15:00');
    await expectNoAxeViolations(page, 'hub page');
  });

  it('the module page lists the districts and leads to «Finn tjeneste»; the Mjøndalen hub shows its known opening hours', async () => {
    const { page } = await b.newPage();
    await page.goto('/steder-og-tjenester');
    await expect.poll(() => h1(page)).toBe('Steder og tjenester');
    const table = page.getByRole('table', { name: 'Kommunedeler og lokale knutepunkter' });
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    // Signed out: no staff pages in the module menu.
    const menu = page.getByRole('navigation', { name: 'Steder og tjenester – sider' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Finn tjeneste', 'Kommunedeler']);
    await expectNoAxeViolations(page, 'places overview');

    await table.getByRole('link', { name: 'Lokalt knutepunkt kommunedel 1', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('Lokalt knutepunkt kommunedel 1');
    await expect.poll(() => page.getByText('Gamle Rådhusgata 2, 3050 Mjøndalen', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('mandag 08:30–15:00').first().isVisible()).toBe(true);

    // Narrowed by target group: of the advice services, the one for job seekers.
    await page.goto('/finn-tjeneste');
    await page.getByRole('searchbox', { name: 'Hva leter du etter?' }).fill('veiledning');
    await page.getByLabel('Hvem er tjenesten for?').selectOption('jobbsøkere');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const results = page.getByRole('list', { name: 'Tjenester som passer' });
    await expect.poll(() => results.getByRole('heading').allTextContents()).toEqual(['Råd og veiledning til jobbsøkere']);
    expect(new URL(page.url()).searchParams.get('malgruppe')).toBe('jobbsøkere');

    await page.goto('/steder-og-tjenester/kommunedeler/123');
    await expect.poll(() => h1(page)).toBe('Fant ikke siden');
    await page.goto('/steder-og-tjenester/tjenester/finnes-ikke');
    await expect.poll(() => h1(page)).toBe('Fant ikke siden');
    await expectNoAxeViolations(page, 'service not found');
  });
});

describe('[ORGANISATION_EDITOR][ADD_SERVICE_TO_HUB]', () => {
  it('adds a service to a district’s hub in the coverage matrix, and citizens see it on the public page', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'organisasjon');
    await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
    await page.goto('/steder-og-tjenester');
    await page.getByRole('navigation', { name: 'Steder og tjenester – sider' }).getByRole('link', { name: 'Dekning' }).click();
    await expect.poll(() => h1(page)).toBe('Dekning');
    const menu = page.getByRole('navigation', { name: 'Steder og tjenester – sider' });
    expect(await menu.locator('[aria-current="page"]').allTextContents()).toEqual(['Dekning']);
    const matrix = page.getByRole('table', { name: 'Tjenester per kommunedel' });
    await expect.poll(() => matrix.getByRole('row', { name: /Friskliv/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'coverage matrix');

    await matrix.getByRole('button', { name: 'Legg til Friskliv i kommunedel 5' }).click();
    const dialog = page.getByRole('dialog', { name: /Legg til Friskliv i kommunedel 5/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // The district's hub is suggested as the place.
    const site = dialog.getByLabel('Sted', { exact: true });
    await expect.poll(() => site.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Konnerudsenteret');
    await dialog.getByLabel('Hvordan tjenesten er til stede').selectOption({ label: 'Faste dager hver uke' });
    await dialog.getByRole('button', { name: 'Legg til tid' }).click();
    await dialog.getByLabel('Dag 1').selectOption({ label: 'torsdag' });
    await dialog.getByLabel('Fra kl. (1)').fill('12:00');
    await dialog.getByLabel('Til kl. (1)').fill('16:00');
    await expectNoAxeViolations(page, 'coverage dialog');
    await dialog.getByRole('button', { name: 'Legg til', exact: true }).click();
    await expect.poll(() => dialog.getByText(/Lagret\. Endringen gjelder fra/).isVisible()).toBe(true);
    // The matrix shows it at once, and closing the dialog returns the keyboard to the cell.
    await page.keyboard.press('Escape');
    await expect.poll(() => matrix.getByRole('button', { name: 'Endre Friskliv i kommunedel 5' }).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Endre Friskliv i kommunedel 5');

    // A refused change (the end before the start) is explained, and nothing changes.
    await matrix.getByRole('button', { name: 'Endre Friskliv i kommunedel 5' }).click();
    const edit = page.getByRole('dialog', { name: /Endre Friskliv i kommunedel 5/ });
    await edit.getByLabel('Avsluttes fra').fill('2019-01-01');
    await edit.getByRole('button', { name: 'Lagre endringen' }).click();
    await expect.poll(() => edit.getByText('Sluttdatoen må være etter datoen den gjelder fra.').isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // Signed out, a citizen sees it on the district page and the hub page.
    const citizen = (await b.newPage()).page;
    await citizen.goto('/steder-og-tjenester/kommunedeler/5');
    await expect.poll(() => h1(citizen)).toBe('Kommunedel 5: Konnerud og Skoger vest');
    const services = citizen.getByRole('table', { name: 'Tjenester i kommunedel 5' });
    const row = services.getByRole('row', { name: /Friskliv/ });
    await expect.poll(() => row.textContent()).toContain('Konnerudsenteret');
    expect(await row.textContent()).toContain('torsdag 12:00–16:00');
    await citizen.getByRole('link', { name: 'Lokalt knutepunkt kommunedel 5' }).click();
    await expect.poll(() => h1(citizen)).toBe('Lokalt knutepunkt kommunedel 5');
    await expect.poll(() => citizen.getByRole('link', { name: 'Friskliv' }).isVisible()).toBe(true);
  });

  it('adds a service with the form below the matrix', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'organisasjon');
    await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
    await page.goto('/steder-og-tjenester/dekning');
    const form = page.getByRole('region', { name: 'Legg til en tjeneste i en kommunedel' });
    await expect.poll(() => form.isVisible()).toBe(true);
    // Nothing chosen: said at the fields.
    await form.getByRole('button', { name: 'Legg til', exact: true }).click();
    await expect.poll(() => form.getByText('Velg en tjeneste.').isVisible()).toBe(true);
    expect(await form.getByText('Velg en kommunedel.').isVisible()).toBe(true);

    await form.getByLabel('Tjeneste', { exact: true }).selectOption({ label: 'Kulturskole' });
    await form.getByLabel('Kommunedel', { exact: true }).selectOption({ label: 'Kommunedel 8: Bragernes og Øren' });
    await form.getByLabel('Hvordan tjenesten er til stede').selectOption({ label: 'Alltid til stede' });
    await form.getByRole('button', { name: 'Legg til', exact: true }).click();
    await expect.poll(() => form.getByText(/Lagret\./).isVisible()).toBe(true);
    await form.getByRole('link', { name: 'Se siden for kommunedel 8' }).click();
    await expect.poll(() => h1(page)).toBe('Kommunedel 8: Bragernes og Øren');
    const row = page.getByRole('table', { name: 'Tjenester i kommunedel 8' }).getByRole('row', { name: /Kulturskole/ });
    await expect.poll(() => row.textContent()).toContain('1. etasje i Bragernes kvartal');
    expect(await row.textContent()).toContain('Alltid til stede');
  });
  it('records a hub building’s address and opening hours, which citizens then see instead of «ukjent»', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'organisasjon');
    await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
    await page.goto('/steder-og-tjenester/kommunedeler/9');
    await page.getByRole('link', { name: 'Lokalt knutepunkt kommunedel 9' }).click();
    await expect.poll(() => h1(page)).toBe('Lokalt knutepunkt kommunedel 9');
    await page.getByText('Endre adresse og åpningstider for Åskollen bo- og servicesenter').click();
    await page.getByLabel('Adresse', { exact: true }).fill('Åskollen 1, 3034 Drammen');
    await page.getByRole('button', { name: 'Legg til dag' }).click();
    await page.getByLabel('Dag 1').selectOption({ label: 'onsdag' });
    await page.getByLabel('Åpner (1)').fill('10:00');
    await page.getByLabel('Stenger (1)').fill('14:00');
    await expectNoAxeViolations(page, 'hub page with the site editor');
    await page.getByRole('button', { name: 'Lagre endringen' }).click();
    await expect.poll(() => page.getByText(/Lagret\. Endringen gjelder fra/).isVisible()).toBe(true);

    const citizen = (await b.newPage()).page;
    await citizen.goto(page.url());
    await expect.poll(() => h1(citizen)).toBe('Lokalt knutepunkt kommunedel 9');
    const site = citizen.locator('.kp-places-site').first();
    await expect.poll(() => site.textContent()).toContain('Åskollen 1, 3034 Drammen');
    expect(await site.textContent()).toContain('onsdag 10:00–14:00');
    expect(await site.textContent()).toMatch(/Tilgjengelighetukjent/);
    // Citizens get no editor.
    expect(await citizen.getByText(/Endre adresse og åpningstider/).count()).toBe(0);
  });
  it('adds a new service to the catalogue, places it in a district, records its contact, and citizens find it', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'organisasjon');
    await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
    await page.goto('/steder-og-tjenester/dekning');
    const form = page.getByRole('region', { name: 'Ny tjeneste i katalogen' });
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel('Navn', { exact: true }).fill('Tannhelse for barn');
    await form.getByLabel('Beskrivelse').fill('Tannpleie og tannlege for barn og ungdom.');
    await form.getByLabel('Hvem tjenesten er for').fill('barn og unge, familier');
    await expect.poll(() => form.locator('ds-suggestion u-option').count()).toBeGreaterThan(10);
    await chooseInCombobox(form, 'Hvem i kommunen gir tjenesten', 'Helsetjenester');
    await form.getByLabel('Hvor tjenesten finnes').selectOption({ label: 'felles for flere kommunedeler' });
    await form.getByLabel('oppmøte').check();
    await form.getByRole('button', { name: 'Legg til i katalogen' }).click();
    await expect.poll(() => form.getByText(/Lagret\./).isVisible()).toBe(true);

    // It is in the matrix now: place it in district 6.
    const matrix = page.getByRole('table', { name: 'Tjenester per kommunedel' });
    await matrix.getByRole('button', { name: 'Legg til Tannhelse for barn i kommunedel 6' }).click();
    const dialog = page.getByRole('dialog', { name: /Legg til Tannhelse for barn i kommunedel 6/ });
    await dialog.getByLabel('Hvordan tjenesten er til stede').selectOption({ label: 'Alltid til stede' });
    await dialog.getByRole('button', { name: 'Legg til', exact: true }).click();
    await expect.poll(() => dialog.getByText(/Lagret\./).isVisible()).toBe(true);

    // The contact, on the service page.
    await dialog.getByRole('link', { name: 'Se siden for Tannhelse for barn' }).click();
    await expect.poll(() => h1(page)).toBe('Tannhelse for barn');
    await page.getByText('Endre opplysningene om tjenesten').click();
    await page.getByLabel('Slik tar du kontakt').fill('Ring 32 04 00 00');
    await expectNoAxeViolations(page, 'service page with the editor');
    await page.getByRole('button', { name: 'Lagre endringen' }).click();
    await expect.poll(() => page.getByText(/Lagret\./).isVisible()).toBe(true);

    const citizen = (await b.newPage()).page;
    await citizen.goto('/finn-tjeneste?q=tannhelsen&kommunedel=6');
    const results = citizen.getByRole('list', { name: 'Tjenester som passer' });
    await expect.poll(() => results.getByRole('link', { name: 'Tannhelse for barn' }).isVisible()).toBe(true);
    await results.getByRole('link', { name: 'Tannhelse for barn' }).click();
    await expect.poll(() => citizen.getByText('Ring 32 04 00 00').isVisible()).toBe(true);
    const row6 = citizen.getByRole('table', { name: 'Hvor og når du får Tannhelse for barn' }).getByRole('row', { name: /Kommunedel 6:/ });
    await expect.poll(() => row6.textContent()).toContain('Fjellhallen');
  });
});

describe('[EMPLOYEE][CO_LOCATION_AND_REPORT]', () => {
  it('reads the co-location view and the proximity report, with links to what each finding is about', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'ansatt');
    await expect.poll(() => page.getByText('Demo Medarbeider').first().isVisible()).toBe(true);
    await page.goto('/steder-og-tjenester/samlokalisering');
    await expect.poll(() => h1(page)).toBe('Samlokalisering');
    const sites = page.getByRole('table', { name: 'Enheter og stillinger per sted' });
    await expect.poll(() => sites.getByRole('row', { name: /Union Scene/ }).textContent()).toContain('Kulturskole og ung kultur');
    await expectNoAxeViolations(page, 'co-location');

    await page.getByRole('link', { name: 'Nærhetsrapport' }).click();
    await expect.poll(() => h1(page)).toBe('Nærhetsrapport');
    const missing = page.getByRole('region', { name: /Skal finnes i alle kommunedeler, men mangler noen steder/ });
    await expect.poll(() => missing.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'proximity report');
    await missing.getByRole('link', { name: 'Tjenesten' }).first().click();
    await expect.poll(() => page.getByRole('table', { name: /^Hvor og når du får/ }).isVisible()).toBe(true);

    // An employee may read the matrix but not change it.
    await page.goto('/steder-og-tjenester/dekning');
    await expect.poll(() => page.getByText('trenger redigeringstilgang').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: 'Tjenester per kommunedel' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Legg til / }).count()).toBe(0);
    await expectNoAxeViolations(page, 'coverage matrix, read only');
  });
});

describe('[ORGANISATION_EDITOR][RECORD_LOCATION]', () => {
  it('records that a unit works at a hub building, and the co-location view shows it there', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'organisasjon');
    await expect.poll(() => page.getByText('Demo Organisasjonsredaktør').first().isVisible()).toBe(true);
    await page.goto('/steder-og-tjenester/samlokalisering');
    const form = page.getByRole('region', { name: 'Registrer at en enhet holder til på et sted' });
    await expect.poll(() => form.locator('ds-suggestion u-option').count()).toBeGreaterThan(10);
    await chooseInCombobox(form, 'Enhet', 'Helsetjenester');
    await form.getByLabel('Sted', { exact: true }).selectOption({ label: 'Fjellhallen (Lokalt knutepunkt kommunedel 6)' });
    await expectNoAxeViolations(page, 'co-location with the location form');
    await form.getByRole('button', { name: 'Registrer' }).click();
    await expect.poll(() => form.getByText(/Lagret\./).isVisible()).toBe(true);
    const sites = page.getByRole('table', { name: 'Enheter og stillinger per sted' });
    await expect.poll(() => sites.getByRole('row', { name: /Fjellhallen/ }).textContent()).toContain('Helsetjenester');

    // The same again overlaps: refused with the server's message, nothing changed.
    await form.getByRole('button', { name: 'Registrer' }).click();
    await expect.poll(() => form.getByText('Endringen ble ikke lagret').isVisible()).toBe(true);
    expect(
      await form
        .getByText(/allerede registrert på dette bygget/)
        .first()
        .isVisible(),
    ).toBe(true);
  });
});
