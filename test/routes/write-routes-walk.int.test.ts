// Finding 1 of the hardening issue, as a class: a write whose transaction queries through the pool
// hangs PGlite's one connection, and with it the whole server. The pool now refuses such a query
// (src/kernel/db/transaction-guard.ts); this walk sends every registered write route (POST, PUT,
// PATCH, DELETE) a minimal body, with path parameters (and ids in the body) naming real rows where
// there are any, as an administrator, as a plain employee and as a leader of another unit than the
// rows' (whose checks reach the organisation's unit scope, where finding 1 was). A route that does
// not answer within a short time, or answers 5xx (the guard's error included), fails here.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../helpers/test-app.js';
import { apiRoutes, fillPath, isWrite, pathParamNames, routeName, sampleValue, type ApiRoute } from '../helpers/routes.js';

const t = useTestApp();

/** Far below "for ever", generous for one write on a busy two-core machine. */
const answerWithin = 10_000;
const someUuid = '7f1c3c52-3e4f-4d0a-9a57-5d1f0c2b9e11';

/** The table behind the URL segment in front of a path parameter. */
const tableBySegment: Record<string, string> = {
  units: 'org_units',
  positions: 'org_positions',
  assignments: 'org_assignments',
  lines: 'org_reporting_lines',
  'level-exceptions': 'org_level_exceptions',
  baselines: 'org_admin_baselines',
  scenarios: 'org_scenarios',
  imports: 'org_imports',
  'rule-settings': 'org_rule_settings',
  coverage: 'places_coverage',
  districts: 'places_districts',
  hubs: 'places_hubs',
  services: 'places_services',
  sites: 'places_sites',
  initiatives: 'pf_initiatives',
  benefits: 'pf_benefits',
  meetings: 'pf_board_meetings',
  agenda: 'pf_initiatives',
  members: 'pf_pool_members',
  'status-reports': 'pf_status_reports',
  adjustments: 'st_adjustments',
  areas: 'st_programme_areas',
  sections: 'st_programme_areas',
  decisions: 'st_political_decisions',
  goals: 'st_goals',
  indicators: 'st_indicators',
  reports: 'st_reports',
  requests: 'ls_requests',
  articles: 'ls_articles',
  webhooks: 'ls_webhooks',
  groups: 'ls_groups',
  'routing-rules': 'ls_routing_rules',
  'sla-policies': 'ls_sla_policies',
};

/** The column a path parameter names: `:ref` is a request's or an initiative's number. */
function columnOf(param: string): string {
  if (param === 'ref') return 'number';
  if (param === 'roleType') return 'role_type';
  if (/^[a-z]+Id$/.test(param)) return 'id';
  return param;
}

interface Walked {
  route: string;
  as: string;
  status: number;
  body: string;
}

/** Ids in a body, by the property's name, and the table that holds such rows. */
const tableByBodyId: [RegExp, string][] = [
  [/unitId$/i, 'org_units'],
  [/^parentId$/, 'org_units'],
  [/positionId$/i, 'org_positions'],
  [/personId$/i, 'org_people'],
  [/goalId$/i, 'st_goals'],
  [/categoryId$/i, 'ls_categories'],
  [/groupId$/i, 'ls_groups'],
];

let admin: SignedIn;
let employee: SignedIn;
let outsider: SignedIn;
let routes: ApiRoute[];
const rowValues = new Map<string, string>();

/** The first row's `column` of `table`, as text; undefined while the table is empty (asked again later). */
async function firstRow(table: string, column: string): Promise<string | undefined> {
  const cacheKey = `${table}.${column}`;
  if (!rowValues.has(cacheKey)) {
    const { rows } = await sql<{ value: string }>`select ${sql.ref(column)}::text as value from ${sql.table(table)} limit 1`
      .execute(t.database.db)
      .catch(() => ({ rows: [] as { value: string }[] }));
    if (rows[0]) rowValues.set(cacheKey, rows[0].value);
  }
  return rowValues.get(cacheKey);
}

/** The schema's smallest valid body, with ids named by their property pointing at real rows. */
async function minimalBody(schema: unknown): Promise<unknown> {
  const body = sampleValue(schema);
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const filled: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [key, value] of Object.entries(filled)) {
    const table = tableByBodyId.find(([name]) => name.test(key))?.[1];
    if (table && typeof value === 'string') filled[key] = (await firstRow(table, 'id')) ?? value;
  }
  return filled;
}

/** A real value for `param` of `url` when its table has a row, else a UUID that names nothing. */
async function paramValue(url: string, param: string): Promise<string> {
  if (param === 'userId') return employee.userId;
  if (param === 'decisionPoint') return 'BP1';
  const segments = url.split('/');
  const segment = segments[segments.indexOf(`:${param}`) - 1] ?? '';
  const table = tableBySegment[segment];
  return (table && (await firstRow(table, columnOf(param)))) || someUuid;
}

/** One request, or a rejection naming the route once `answerWithin` has passed. */
async function send(route: ApiRoute, url: string, as: SignedIn, body: unknown) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${routeName(route)} (${url}) did not answer within ${answerWithin} ms`)), answerWithin);
  });
  try {
    return await Promise.race([
      t.knutepunkt.app.inject({
        method: route.method as 'POST',
        url,
        headers: { ...as.headers, 'accept-language': 'en' },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  admin = await t.signInAs(['administrator'], 'Walk Administrator');
  employee = await t.signInAs(['employee'], 'Walk Employee');
  outsider = await t.signInAs(['leader'], 'Walk Leader');
  routes = apiRoutes(t.knutepunkt).filter(isWrite);
  const db = t.database.db;
  // The outsider leads home care in Bragernes; the request below comes from a school.
  const placed = await sql`
    with person as (insert into org_people (key, name, source) values ('walk-leader', 'Walk Leader', 'test') returning id),
         assignment as (
           insert into org_assignments (person_id, position_id, fte, valid_from)
           select person.id, p.id, 1, '2020-01-01' from person, org_positions p where p.key = 'leder-omsorg-hjemmetjenester-bragernes'
         )
    insert into org_user_people (user_id, person_id) select ${outsider.userId}, id from person`.execute(db);
  expect(placed.numAffectedRows).toBe(1n);
  // A request from a unit, so the leader-support routes reach their unit-scope checks (finding 1).
  const { rows } = await sql<{ number: string }>`
    insert into ls_requests (category_id, subject, requester_user_id, requester_name, unit_id, priority, group_id, fields)
    select (select id from ls_categories where key = 'adgangskort'), 'Walk', ${admin.userId}, 'Walk Administrator',
           pv.unit_id, 'normal', (select id from ls_groups where key = 'forstelinje'), '{}'::jsonb
    from org_position_versions pv join org_positions p on p.id = pv.position_id where p.key = 'leder-skole-aronslokka'
    limit 1
    returning number::text`.execute(db);
  expect(rows).toHaveLength(1);
});

describe('every write route', () => {
  it(
    'answers within a short time and never with a 5xx, as an administrator, an employee and a leader elsewhere',
    { timeout: 240_000 },
    async () => {
      expect(routes.length).toBeGreaterThan(50);
      const failures: Walked[] = [];
      // Ending a session (DELETE /api/session) is walked last, once for each user.
      const ordered = [...routes].sort((a, b) => Number(a.url === '/api/session') - Number(b.url === '/api/session'));
      for (const route of ordered) {
        const values: Record<string, string> = {};
        for (const name of pathParamNames(route.url)) values[name] = await paramValue(route.url, name);
        const url = fillPath(route.url, values);
        const body = route.body ? await minimalBody(route.body) : undefined;
        for (const [label, as] of [
          ['administrator', admin],
          ['employee', employee],
          ['leader of another unit', outsider],
        ] as const) {
          // A hang stops the walk: behind it PGlite's one connection is gone and every later route would wait too.
          const response = await send(route, url, as, body);
          if (response.statusCode >= 500) {
            failures.push({
              route: `${routeName(route)} ${url}`,
              as: label,
              status: response.statusCode,
              body: response.body.slice(0, 300),
            });
          }
        }
      }
      expect(failures).toEqual([]);
      const ready = await t.knutepunkt.app.inject('/api/ready');
      expect(ready.statusCode).toBe(200);
    },
  );
});
