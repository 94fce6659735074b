/// <reference lib="dom" />
// [ROLE][ACTION]: what people do in the web shell, in real Chromium against the real server.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInAsDemo, useBrowser } from '../helpers/browser.js';

const b = useBrowser();

describe('[PUBLIC][BROWSE]', () => {
  it('home: the municipality, the modules, a skip link that works, and no axe violations', async () => {
    const { page } = await b.newPage();
    await page.goto('/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nb');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Knutepunkt');
    await expect.poll(() => page.getByText('Drammen kommune').first().isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    for (const name of ['Forside', 'Organisasjon', 'Steder og tjenester', 'Lederstøtte', 'Portefølje', 'Styring']) {
      expect(await nav.getByRole('link', { name }).count(), name).toBe(1);
    }
    // Signed out: no audit log in the menu.
    expect(await nav.getByRole('link', { name: 'Revisjonslogg' }).count()).toBe(0);

    // The first Tab reaches the skip link; following it moves focus to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main')?.id ?? document.activeElement?.id)).toBe('main');

    await expectNoAxeViolations(page, 'home');
  });

  it('portfolio and steering ask a signed-out visitor to sign in, then open with their own menu', async () => {
    const { page } = await b.newPage();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Styring' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/logg-inn');
    await page.getByLabel('Brukernavn').fill('analytiker');
    await page.getByLabel('Passord').fill('knutepunkt-demo');
    await page.getByLabel('Passord').press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/styring');
    await expect.poll(() => page.getByRole('navigation', { name: 'Styring og oppfølging' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'styring');
    await nav.getByRole('link', { name: 'Portefølje' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/portefolje');
    await expect.poll(() => page.getByRole('navigation', { name: 'Porteføljestyring' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'portefolje');
  });

  it('the accessibility statement is linked from the footer on every page', async () => {
    const { page } = await b.newPage();
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tilgjengelighetserklæring');
    await expect.poll(() => page.getByText('WCAG 2.1').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'accessibility statement');
  });

  it('an unknown address shows a not-found page', async () => {
    const { page } = await b.newPage();
    await page.goto('/finnes-ikke');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fant ikke siden');
    await expectNoAxeViolations(page, 'not found');
  });

  it('the API documentation (Swagger UI) opens under its own Content-Security-Policy', async () => {
    const { page } = await b.newPage();
    await page.goto('/api/docs/');
    await expect.poll(() => page.getByText('Knutepunkt API').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('/api/health').first().isVisible()).toBe(true);
  });

  it('the audit log sends a signed-out visitor to sign-in', async () => {
    const { page } = await b.newPage();
    await page.goto('/revisjonslogg');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/logg-inn');
  });
});

describe('[ADMINISTRATOR][SIGN_IN_AND_OUT]', () => {
  it('signs in with a demo account, reads the audit log, switches to English and signs out', async () => {
    const { page } = await b.newPage();
    await page.goto('/logg-inn');
    await expect.poll(() => page.getByRole('table', { name: 'Demokontoer og rollene deres' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'sign-in');

    // A wrong password: the server's message, in Norwegian, and still on the sign-in page.
    await page.getByLabel('Brukernavn').fill('admin');
    await page.getByLabel('Passord').fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect.poll(() => page.getByText('Feil brukernavn eller passord.').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'sign-in with error');

    await signInAsDemo(page, 'admin');
    await expect.poll(() => page.getByText('Demo Administrator').first().isVisible()).toBe(true);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');

    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Revisjonslogg' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Revisjonslogg');
    const table = page.getByRole('table', { name: 'Hendelser i revisjonsloggen' });
    await expect.poll(() => table.isVisible()).toBe(true);
    await expect.poll(() => table.getByText('Demo Administrator').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'audit log');

    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log');
    await expect.poll(() => page.getByRole('navigation', { name: 'Main menu' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'audit log in English');

    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).first().isVisible()).toBe(true);
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toEqual({ user: null, csrfToken: null });
  });

  it('a leader does not see the audit log', async () => {
    const { page } = await b.newPage();
    await signInAsDemo(page, 'leder');
    await expect.poll(() => page.getByText('Demo Leder').first().isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Revisjonslogg' }).count()).toBe(0);
    await page.goto('/revisjonslogg');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ingen tilgang');
    await expectNoAxeViolations(page, 'forbidden');
  });
});

describe('[PUBLIC][PHONE]', () => {
  it('works on a phone: the menu folds behind a button that opens it, and passes axe', async () => {
    const { page } = await b.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto('/');
    const menuButton = page.getByRole('button', { name: 'Meny' });
    await expect.poll(() => menuButton.isVisible()).toBe(true);
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    await menuButton.click();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Organisasjon' }).isVisible())
      .toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'home on a phone');
  });
});
