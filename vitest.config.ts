import fs from 'node:fs';
import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './test/postgres-server.js';

// Four suites: unit tests (no database), integration tests on PGlite and on PostgreSQL (the same
// files, *.int.test.ts), and browser tests (*.browser.test.ts) in Debian's Chromium.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromium);
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL) || findPostgresBin() !== undefined;

if (!hasPostgres) {
  console.warn(
    '\n⚠ PostgreSQL is not available (no TEST_DATABASE_URL, no initdb/pg_ctl): the PostgreSQL integration suite is SKIPPED.\n  Install it with `apt-get install -y postgresql`, or set TEST_DATABASE_URL.\n',
  );
}
if (!hasChromium) {
  console.warn(
    `\n⚠ Chromium is not installed at ${chromium}: the browser suite is SKIPPED.\n  Install it with \`apt-get install -y chromium\` (never a downloaded browser).\n`,
  );
}

const integration = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];
const browser = ['src/**/*.browser.test.ts', 'test/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/test-results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...integration, ...browser],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'pglite',
          include: integration,
          env: { KP_TEST_DB: 'pglite' },
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(hasPostgres
        ? [
            {
              test: {
                name: 'postgres',
                include: integration,
                env: { KP_TEST_DB: 'postgres' },
                globalSetup: ['test/global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      ...(hasChromium
        ? [
            {
              test: {
                name: 'browser',
                include: browser,
                env: { KP_TEST_DB: 'pglite', CHROMIUM_PATH: chromium },
                globalSetup: ['test/global-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
                // Pages answer slower on a busy two-core CI machine than the 1 s default allows.
                expect: { poll: { timeout: 15_000 } },
                // Two cores: one Chromium at a time keeps timings sane.
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
