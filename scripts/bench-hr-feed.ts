// The HR feed's figure: a delta of 7 000 people with 300 changes (100 new people, 100 changed
// shares, 100 people gone) pushed to the API as a Visma CSV and applied on PostgreSQL, target
// ≤ 10 s (issue 13). The 7 000 people come from the organisation's synthetic generator.
//
// `npx tsx scripts/bench-hr-feed.ts` prints the row; scripts/bench.ts calls `benchHrFeed()`.
// Not a test: it reports against the target and never fails on it. 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { createKnutepunkt } from '../src/app.js';
import { cellsToCsv, loadConfig, openDatabase, todayInNorway } from '../src/kernel/index.js';
import type { HrFeedRunDetail } from '../src/modules/organisation/hr-feed.schemas.js';
import type { OrganisationDb } from '../src/modules/organisation/index.js';
import { addSyntheticOrganisation } from '../src/modules/organisation/server/synthetic/fill-positions.js';
import { findPostgresBin, startPostgres } from '../test/postgres-server.js';
import type { BenchRow } from './bench-organisation.js';

const people = 7_000;
const changesEach = 100;
const targetMs = 10_000;

export async function benchHrFeed(options: { log: (line: string) => void }): Promise<BenchRow[]> {
  const name = 'HR feed: 7 000 people, 300 changes, PostgreSQL';
  if (!findPostgresBin()) return [{ name, value: null, unit: 'ms', note: 'skipped: PostgreSQL is not installed' }];
  const postgres = await startPostgres();
  const token = randomBytes(24).toString('base64url');
  try {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      KNUTEPUNKT_MODE: 'demo',
      DATABASE_URL: postgres.urlFor('postgres'),
      HR_FEED_TOKEN: token,
      HR_FEED_MAX_REMOVAL_SHARE: '0.05',
    });
    const database = await openDatabase(config.database);
    const knutepunkt = await createKnutepunkt(config, { database, logger: false });
    try {
      const db = database.db as unknown as OrganisationDb;
      options.log('  HR feed: generating 7 000 synthetic people…');
      await addSyntheticOrganisation(db, { units: 1, scale: people / 6_200, seed: 13 });
      const today = todayInNorway();
      const { rows } = await sql<{ key: string; name: string; position: string; unit: string; fte: string }>`
        select pe.key, pe.name, p.key as position, u.key as unit, a.fte
        from org_assignments a
        join org_people pe on pe.id = a.person_id
        join org_positions p on p.id = a.position_id
        join org_position_versions pv on pv.position_id = p.id and pv.valid_from <= ${today}::date and (pv.valid_to is null or pv.valid_to > ${today}::date)
        join org_units u on u.id = pv.unit_id
        where a.valid_from < ${today}::date and (a.valid_to is null or a.valid_to > ${today}::date)
        order by pe.key, p.key`.execute(db);
      const keys = [...new Set(rows.map((r) => r.key))];
      const gone = new Set(keys.slice(0, changesEach));
      const changed = new Set(keys.slice(changesEach, 2 * changesEach));
      const lines: string[][] = [
        ['Ansattnummer', 'Navn', 'Stillingsnummer', 'Organisasjonsenhet', 'Stillingsprosent', 'Fra dato', 'Til dato'],
      ];
      for (const r of rows) {
        if (gone.has(r.key)) continue;
        const percent = changed.has(r.key) ? Math.max(10, Math.round(Number(r.fte) * 100) - 10) : Math.round(Number(r.fte) * 100);
        lines.push([r.key, r.name, r.position, r.unit, String(percent), '01.01.2020', '']);
      }
      // Newcomers take the gone people's posts at part time (no one gets a second leader post at 100 %).
      const goneRows = rows.filter((r) => gone.has(r.key));
      for (let i = 0; i < changesEach; i += 1) {
        const post = goneRows[i % goneRows.length]!;
        lines.push([`HR${90000 + i}`, `Ny Ansatt ${i + 1}`, post.position, post.unit, '50', today.split('-').reverse().join('.'), '']);
      }
      options.log(`  HR feed: ${keys.length} people with an assignment today, ${lines.length - 1} rows in the file`);
      const t0 = performance.now();
      const response = await knutepunkt.app.inject({
        method: 'POST',
        url: '/api/organisation/hr-feed/runs?fileName=bench.csv',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        payload: cellsToCsv(lines),
      });
      const ms = performance.now() - t0;
      if (response.statusCode !== 201) {
        return [{ name, value: null, unit: 'ms', note: `answered ${response.statusCode}: ${response.body.slice(0, 300)}` }];
      }
      const run = response.json() as HrFeedRunDetail;
      const c = run.counts!;
      const note = `${c.peopleInFile} people in the file; ${c.peopleNew} new, ${c.peopleGone} gone, ${c.assignmentsChanged} changed, ${c.assignmentsEnded} ended, ${c.assignmentsNew} new assignments`;
      return [{ name, value: Math.round(ms), unit: 'ms', target: { max: targetMs }, note }];
    } finally {
      await knutepunkt.close();
    }
  } finally {
    postgres.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchHrFeed({ log: (line) => process.stdout.write(`${line}\n`) })
    .then((rows) => {
      for (const row of rows) {
        const over = row.value !== null && row.target?.max !== undefined && row.value > row.target.max;
        process.stdout.write(`${row.name.padEnd(52)} ${row.value ?? '–'} ${row.unit}${over ? '  OVER' : ''}  ${row.note ?? ''}\n`);
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(`The HR feed benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
}
