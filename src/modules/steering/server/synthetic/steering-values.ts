import { sql, type Kysely } from 'kysely';

// Synthetic indicator values for the steering bench and demos: `indicators` yearly indicators
// («[Syntetisk] Indikator N», synthetic = true), spread over the active programme areas (synthetic
// areas «[Syntetisk] Område N» when there are none), each with two owning units and a value per year
// for the whole municipality and for each of `units` units (origin 'synthetic'). Set-based SQL only.

export interface SyntheticSteeringOptions {
  indicators?: number;
  years?: number;
  units?: number;
  /** The last year with values; the default is last year. */
  lastYear?: number;
}

export interface SyntheticSteeringResult {
  indicators: number;
  values: number;
  areas: string[];
}

export async function generateSteeringValues(
  db: Kysely<unknown>,
  options: SyntheticSteeringOptions = {},
): Promise<SyntheticSteeringResult> {
  const indicators = options.indicators ?? 500;
  const years = options.years ?? 10;
  const units = options.units ?? 100;
  const lastYear = options.lastYear ?? new Date().getFullYear() - 1;
  const firstYear = lastYear - years + 1;
  return db.transaction().execute(async (trx) => {
    const existing = await sql<{ n: string }>`select count(*) as n from st_programme_areas where active`.execute(trx);
    if (Number(existing.rows[0]!.n) === 0)
      await sql`insert into st_programme_areas (code, name, sort_order, synthetic, source)
        select 'SYN' || n, '[Syntetisk] Område ' || n, 900 + n, true, 'syntetisk (benchmark)' from generate_series(1, 5) n
        on conflict (code) do nothing`.execute(trx);
    await sql`
      insert into st_indicators (key, name, definition, unit_of_measure, direction, frequency, data_source, green_at, red_at, area_id, source, synthetic)
      select 'syntetisk-' || n, '[Syntetisk] Indikator ' || n, '[Syntetisk] Generert for ytelsestest.', '%',
        case when n % 3 = 0 then 'lower' else 'higher' end, 'year', 'manual',
        case when n % 3 = 0 then 40 else 60 end, case when n % 3 = 0 then 60 else 40 end,
        a.ids[1 + n % array_length(a.ids, 1)], 'syntetisk (benchmark)', true
      from generate_series(1, ${indicators}) n
      cross join (select array_agg(id order by sort_order, code) as ids from st_programme_areas where active) a
      on conflict (key) do nothing`.execute(trx);
    const chosen = sql`(select id, row_number() over (order by key) as rn from org_units order by key limit ${units})`;
    await sql`
      insert into st_indicator_owners (indicator_id, unit_id)
      select i.id, u.id from st_indicators i join ${chosen} u
        on u.rn in (1 + (substr(i.key, 11)::int % ${units}), 1 + ((substr(i.key, 11)::int + 7) % ${units}))
      where i.key like 'syntetisk-%'
      on conflict do nothing`.execute(trx);
    await sql`delete from st_indicator_values where origin = 'synthetic'`.execute(trx);
    await sql`
      insert into st_indicator_values (indicator_id, period, unit_id, value, origin)
      select i.id, y::text, u.id, (abs(hashtext(i.key || '/' || y || '/' || coalesce(u.id::text, ''))) % 1000) / 10.0, 'synthetic'
      from st_indicators i
      cross join generate_series(${firstYear}::int, ${lastYear}::int) y
      cross join (select id from ${chosen} c union all select null::uuid) u
      where i.key like 'syntetisk-%'`.execute(trx);
    const counts = await sql<{ n: string }>`select count(*) as n from st_indicator_values where origin = 'synthetic'`.execute(trx);
    const areas = await sql<{ code: string }>`select code from st_programme_areas where active order by sort_order, code`.execute(trx);
    return { indicators, values: Number(counts.rows[0]!.n), areas: areas.rows.map((row) => row.code) };
  });
}
