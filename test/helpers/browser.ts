// Browser tests: the real server on a fresh database, listening on loopback, driven by Debian's
// Chromium through playwright-core (never a downloaded browser), with axe checking every page.
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createKnutepunkt, type Knutepunkt } from '../../src/app.js';
import { demoPassword } from '../../src/kernel/index.js';
import { freePort } from '../postgres-server.js';
import { testConfig } from './test-app.js';
export { expectNoAxeViolations } from './axe.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface BrowserHarness {
  readonly baseUrl: string;
  readonly knutepunkt: Knutepunkt;
  readonly browser: Browser;
  /** A new browser context (own cookies), with the UI language left to the app's default. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page }>;
}

const root = path.resolve(import.meta.dirname, '../..');

export function useBrowser(options: { env?: NodeJS.ProcessEnv } = {}): BrowserHarness {
  let knutepunkt: Knutepunkt | undefined;
  let database: TestDatabase | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  const contexts: BrowserContext[] = [];
  // What the browser refused under the Content-Security-Policy; any makes the test that saw it fail.
  let cspViolations: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Demo mode on the embedded database: the demo sign-ins exist, as after `npm start`. The port is
    // known before the app is made: PUBLIC_URL names it, and the sign-in through the demo's OpenID
    // provider redirects the browser there. Another test file may take a free port first: then again.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      knutepunkt = await createKnutepunkt(
        testConfig({ ...options.env, WEB_DIR: process.env.TEST_WEB_DIR ?? path.join(root, 'dist/web'), PUBLIC_URL: baseUrl }),
        { database, logger: false },
      );
      try {
        await knutepunkt.app.listen({ host: '127.0.0.1', port });
        break;
      } catch (error) {
        await knutepunkt.app.close();
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 5) throw error;
      }
    }
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterEach(() => {
    const seen = cspViolations;
    cspViolations = [];
    expect(seen, 'Content-Security-Policy violations reported by the browser').toEqual([]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await knutepunkt?.app.close();
    await database?.close();
  });

  return {
    get baseUrl() {
      return baseUrl;
    },
    get knutepunkt() {
      return knutepunkt!;
    },
    get browser() {
      return browser!;
    },
    async newPage(options = {}) {
      const context = await browser!.newContext({
        baseURL: baseUrl,
        locale: 'nb-NO',
        viewport: options.viewport ?? { width: 1280, height: 900 },
      });
      contexts.push(context);
      // The event names what was refused; Chromium also logs each refusal to the console.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
          );
        });
      });
      context.on('page', (opened) => {
        opened.on('console', (message) => {
          const text = message.text();
          if (text.startsWith('CSP violation:') || text.includes('Content Security Policy')) cspViolations.push(`${opened.url()}: ${text}`);
        });
      });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return { context, page };
    },
  };
}

export async function signInAsDemo(page: Page, username: string): Promise<void> {
  await page.goto('/logg-inn');
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(demoPassword);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

/**
 * Chooses `option` in the kit's searchable combobox (src/web/components/combobox) labelled `label`
 * in `scope`: types `typed` (the option's name by default) and clicks the option named `option`.
 */
export async function chooseInCombobox(
  scope: Page | Locator,
  label: string | RegExp,
  option: string,
  { exact = true, typed = option }: { exact?: boolean; typed?: string } = {},
): Promise<void> {
  // The input (its open list is labelled the same), typed into as a person would: that opens the list.
  const input = scope.getByLabel(label, { exact }).and(scope.locator('input'));
  await input.click();
  await input.fill('');
  await input.pressSequentially(typed);
  // Its name exactly (the accessible name adds the description).
  const page = input.page();
  await page
    .getByRole('option')
    .and(page.locator(`[label="${option.replace(/"/g, '\\"')}"]`))
    .click();
}
