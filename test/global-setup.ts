// Once per test project: build a migrated template database, so each test file can start from a
// fresh copy in milliseconds. PGlite: a dump of the data folder. PostgreSQL: a template database
// on TEST_DATABASE_URL's server or on a throwaway server started here.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/app.js';
import { openPglite, openPostgres } from '../src/kernel/index.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

const templateName = 'knutepunkt_template';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.KP_TEST_DB ?? 'pglite';
  if (kind === 'postgres') return setupPostgres(project);

  const database = await openPglite('memory://');
  await prepareDatabase(database, 'demo');
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}-${project.name}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => fs.rmSync(file, { force: true });
}

async function setupPostgres(project: TestProject): Promise<() => Promise<void>> {
  let server: PostgresServer | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    server = await startPostgres();
    adminUrl = server.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${templateName}`);
    await admin.query(`create database ${templateName}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(adminUrl, templateName);
  const database = await openPostgres(templateUrl, 2);
  await prepareDatabase(database, 'demo');
  await database.close();

  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', templateName);
  return async () => {
    server?.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
