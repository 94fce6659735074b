// The places module's figure: the public "find a service" search, p50/p95 through the real HTTP
// API of an in-process Knutepunkt and the same search run straight through the same driver, on
// the built-in catalogue made ten times larger with clearly marked synthetic copies (keys starting
// `syntetisk-`, source "syntetisk (benchmark)"), on the embedded database and on PostgreSQL.
//
// `npx tsx scripts/bench-places.ts` prints the rows; scripts/bench.ts calls `benchPlaces()`. Not a
// test: it reports against the targets (p95 ≤ 50 ms, API ÷ direct ≤ 1.5×) and never fails on them.
import { sql, type Kysely } from 'kysely';
import { createKnutepunkt } from '../src/app.js';
import { loadConfig, openDatabase, type Database } from '../src/kernel/index.js';
import { searchServices } from '../src/modules/places/server/places.queries.js';
import type { PlacesDb } from '../src/modules/places/server/places.tables.js';
import { failed, isMainScript, listenLocally, onBackEnds, printRows } from './bench-common.js';
import { getter, signIn, time, type BenchRow, type Timing } from './bench-organisation.js';

const p95Target = 50;
const ratioTarget = 1.5;
/** What citizens type: inflected words, a typo, a short word, æøå. */
const queries = ['helsestasjon', 'barnehagene', 'helsestasjn', 'bibliotek', 'nav', 'søke om sykehjemsplass', 'Åpent hus'];

/** Nine synthetic copies of every service and its coverage: the catalogue ten times the dataset. */
async function enlargeCatalogue(db: Kysely<unknown>): Promise<number> {
  await db.transaction().execute(async (trx) => {
    await sql`
      insert into places_services (id, key)
      select gen_random_uuid(), 'syntetisk-' || s.key || '-' || n
      from places_services s cross join generate_series(1, 9) n
      where s.key not like 'syntetisk-%'`.execute(trx);
    await sql`
      insert into places_service_versions (service_id, valid_from, valid_to, name, description, target_groups, delivering_unit_id,
        legal_basis, proximity_class, channels, contact, entry_points, universal_role, source, note)
      select copy.id, v.valid_from, v.valid_to, v.name || ' (syntetisk ' || split_part(copy.key, '-', -1) || ')', v.description,
        v.target_groups, v.delivering_unit_id, v.legal_basis, v.proximity_class, v.channels, v.contact, v.entry_points, null,
        'syntetisk (benchmark)', null
      from places_services copy
      join places_services s on copy.key like 'syntetisk-' || s.key || '-%' and s.key not like 'syntetisk-%'
      join places_service_versions v on v.service_id = s.id`.execute(trx);
    await sql`
      insert into places_coverage (service_id, district_id, site_id, mode, weekly_times, schedule_note, valid_from, valid_to, source)
      select copy.id, c.district_id, c.site_id, c.mode, c.weekly_times, c.schedule_note, c.valid_from, c.valid_to, 'syntetisk (benchmark)'
      from places_services copy
      join places_services s on copy.key like 'syntetisk-' || s.key || '-%' and s.key not like 'syntetisk-%'
      join places_coverage c on c.service_id = s.id`.execute(trx);
  });
  await sql`analyze places_services, places_service_versions, places_coverage`.execute(db);
  const { rows } = await sql<{ n: string }>`select count(*) as n from places_services`.execute(db);
  return Number(rows[0]!.n);
}

async function measure(backEnd: string, env: Record<string, string>, log: (line: string) => void): Promise<BenchRow[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', HOST: '127.0.0.1', PORT: '0', ...env });
  const database: Database = await openDatabase(config.database);
  const knutepunkt = await createKnutepunkt(config, { database, logger: false, demoPeople: false });
  try {
    const services = await enlargeCatalogue(database.db as unknown as Kysely<unknown>);
    const base = await listenLocally(knutepunkt);
    // The search is public; a signed-in session costs the same lookup a citizen's request does not.
    const session = { ...(await signIn(knutepunkt, base)), headers: {} };
    const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    let i = 0;
    const api = await time(() => getter(session, `/api/places/search?q=${encodeURIComponent(queries[i++ % queries.length]!)}`)());
    let j = 0;
    const direct = await time(
      async () => void (await searchServices(database.db as unknown as PlacesDb, { q: queries[j++ % queries.length]!, date })),
    );
    log(
      `  ${backEnd}: ${services} services; API p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms; direct p50 ${direct.p50.toFixed(1)} ms`,
    );
    const row = (name: string, timing: Timing): BenchRow => ({
      name,
      value: timing.p95,
      unit: 'ms',
      target: { max: p95Target },
      note: `p50 ${timing.p50.toFixed(1)} ms, CPU p50 ${timing.cpuP50?.toFixed(1)} ms; ${services} services (9 synthetic copies of each); ${queries.length} queries in turn`,
    });
    return [
      row(`places search p95 (10× catalogue, ${backEnd})`, api),
      {
        name: `places search API ÷ direct (10× catalogue, ${backEnd})`,
        value: api.p50 / direct.p50,
        unit: '×',
        target: { max: ratioTarget },
        note: `p50 ÷ p50; direct p50 ${direct.p50.toFixed(1)} ms, p95 ${direct.p95.toFixed(1)} ms`,
      },
    ];
  } finally {
    await knutepunkt.close();
  }
}

/** The search on both back ends this machine has. */
export async function benchPlaces(options: { log?: (line: string) => void } = {}): Promise<BenchRow[]> {
  const log = options.log ?? (() => {});
  const setup = { prefix: 'knutepunkt-bench-places-', database: 'kp_bench_places' };
  const { results } = await onBackEnds(setup, (backEnd, env) => measure(backEnd, env, log));
  return results.flat();
}

if (isMainScript(import.meta.url)) {
  benchPlaces({ log: (line) => process.stdout.write(`${line}\n`) })
    .then((rows) => printRows(rows, 52, 2))
    .catch(failed('places'));
}
