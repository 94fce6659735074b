// [EMPLOYEE][PEOPLE]: a leader finds a person from the main menu's «Personer» with the keyboard
// alone, sees the photo the HR feed gave (or initials) and whether the person is fictitious, and
// opens the person card: positions, unit path, personnel leader, history; on a phone too.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../../../test/helpers/browser.js';
import { cleanPhoto } from './server/people-photo.js';
import { pngWithText } from './server/people-photo.fixtures.js';
import { withPeople } from './server/people.queries.js';
import type { OrganisationDb } from './server/organisation.tables.js';

const b = useBrowser();

describe('[EMPLOYEE][PEOPLE]', () => {
  it('finds a person with the keyboard and opens the person card, with the photo from the HR feed', async () => {
    // The HR feed's photo of the demo rektor (as a run would have stored it).
    const db = withPeople(b.knutepunkt.database.db as unknown as OrganisationDb);
    const person = await db.selectFrom('org_people').select('id').where('key', '=', 'demo-rektor').executeTakeFirstOrThrow();
    const photo = cleanPhoto(pngWithText());
    if ('refused' in photo) throw new Error(photo.refused);
    await db
      .insertInto('org_person_photos')
      .values({
        person_id: person.id,
        content_type: photo.contentType,
        bytes: photo.bytes,
        byte_size: photo.bytes.length,
        sha256: photo.sha256,
        file_name: 'demo-rektor.png',
        updated_at: new Date(),
      })
      .execute();

    const { page } = await b.newPage();
    await signInAsDemo(page, 'leder');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Personer' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Personer');
    await page.getByText('Skriv et navn, et ansattnummer').waitFor();
    await expectNoAxeViolations(page, 'Personer before a search');

    // Keyboard only: the field, a name with a typo and no capitals, Enter.
    await page.getByLabel('Navn, ansattnummer, stilling eller enhet').focus();
    await page.keyboard.type('demo rektr');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Personer som passer søket' });
    const link = results.getByRole('link', { name: 'Demo Rektor' });
    await link.waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Fant \d+ person(er)? for «demo rektr»/);
    await expect.poll(() => results.getByRole('listitem').first().textContent()).toContain('Oppdiktet');
    await expect
      .poll(() =>
        results
          .locator('img')
          .first()
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'Personer with results');

    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Demo Rektor');
    await page.getByText('Personalleder').first().waitFor();
    await page.getByRole('img', { name: 'Bilde av Demo Rektor' }).waitFor();
    await expect.poll(() => page.getByText('Oppdiktet person i demodataene').isVisible()).toBe(true);
    await page.getByRole('list', { name: 'Plassering i organisasjonen' }).first().waitFor();
    await page.getByRole('table', { name: /Stillingene til Demo Rektor/ }).waitFor();
    await expectNoAxeViolations(page, 'the person card');
  });

  it('fits the search and the person card in a 375 px wide phone', async () => {
    const { page } = await b.newPage({ viewport: { width: 375, height: 800 } });
    const fits = async (label: string) =>
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        `sideways overflow on ${label}`,
      ).toBeLessThanOrEqual(0);
    await signInAsDemo(page, 'leder');
    await expect.poll(async () => (await (await page.request.get('/api/session')).json()).user?.username).toBe('leder');
    await page.goto('/organisasjon/personer?q=Demo');
    const link = page.getByRole('list', { name: 'Personer som passer søket' }).getByRole('link').first();
    await link.waitFor();
    await page.waitForLoadState('networkidle');
    await fits('Personer');
    await link.click();
    await page.getByText('Personalleder').first().waitFor();
    await page.waitForLoadState('networkidle');
    await fits('the person card');
    await expectNoAxeViolations(page, 'the person card on a phone');
  });
});
