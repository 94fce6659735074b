import { sql } from 'kysely';
import type { PortfolioDb } from '../portfolio.tables.js';

// A synthetic portfolio for the bench (scripts/bench-portfolio.ts) and the demo
// (scripts/demo-portfolio.ts): initiatives across the units, monthly status reports, pool members,
// allocations for the coming year and scores on every criterion. Every row is synthetic = true (where
// the table has the column) and every title/name starts with «[Syntetisk]». Set-based SQL only
// (generate_series), so 2 000 initiatives and 20 000 reports take a second or two.

export interface PortfolioHistoryOptions {
  initiatives?: number;
  /** Status reports per initiative (consecutive months back from last month). */
  reportsPerInitiative?: number;
  members?: number;
  /** The user recorded as proposer, reporter and allocator. */
  userId: string;
}

export interface PortfolioHistoryResult {
  initiatives: number;
  reports: number;
  members: number;
  allocations: number;
  scores: number;
}

const topics = [
  'Digital søknad om',
  'Selvbetjening for',
  'Automatisert saksbehandling av',
  'Ny fagløsning for',
  'Bedre oversikt over',
  'Samordnet tjeneste for',
  'Mobil løsning for',
  'Datadeling om',
];
const objects = [
  'SFO-plass',
  'startlån',
  'hjemmetjenester',
  'byggesøknader',
  'skoleskyss',
  'parkeringstillatelser',
  'tekniske tjenester',
  'avvik i barnehage',
];

export async function generatePortfolioHistory(db: PortfolioDb, options: PortfolioHistoryOptions): Promise<PortfolioHistoryResult> {
  const n = options.initiatives ?? 2000;
  const perInitiative = options.reportsPerInitiative ?? 10;
  const memberCount = options.members ?? 200;
  const user = options.userId;
  return db.transaction().execute(async (trx) => {
    const start = await sql<{ max: number | null }>`select max(number) as max from pf_initiatives`.execute(trx);
    const firstNumber = (start.rows[0]?.max ?? 0) + 1;

    // Initiatives: 1 in 20 mandated; phases spread; mostly active, a few paused or done.
    await sql`
      insert into pf_initiatives (title, problem, need, beneficiaries, owner_unit_id, category, size, estimated_cost, estimated_months,
        phase, state, planned_start, planned_end, proposed_by, synthetic)
      select
        '[Syntetisk] ' || (array[${sql.join(topics)}]::text[])[1 + g % ${topics.length}] || ' ' || (array[${sql.join(objects)}]::text[])[1 + (g / 8) % ${objects.length}] || ' ' || g,
        '[Syntetisk] Problemet er laget for ytelsesmåling.', '[Syntetisk] Behov', '[Syntetisk] Innbyggere',
        u.ids[1 + (g * 7) % array_length(u.ids, 1)],
        case when g % 20 = 0 then 'mandated' else (array['strategy', 'efficiency', 'quality', 'innovation'])[1 + g % 4] end,
        (array['small', 'medium', 'large'])[1 + (g * 3) % 3],
        (50000 + ((g * 7919) % 400) * 25000)::numeric,
        1 + (g * 11) % 36,
        (array['idea', 'concept', 'planning', 'execution', 'execution', 'closing', 'realisation'])[1 + (g * 5) % 7],
        case when g % 41 = 0 then 'paused' when g % 53 = 0 then 'done' else 'active' end,
        (date_trunc('month', current_date) + ((g % 24) - 12) * interval '1 month')::date,
        (date_trunc('month', current_date) + ((g % 24) - 12 + 1 + (g * 11) % 36) * interval '1 month')::date,
        ${user}::uuid, true
      from generate_series(1, ${n}) g, (select array_agg(id order by key) as ids from org_units) u
    `.execute(trx);

    // Status reports: consecutive months back from last month.
    const reports = await sql`
      insert into pf_status_reports (initiative_id, period, progress, scope_light, time_light, cost_light, benefits_light,
        risks, issues, next_steps, percent_complete, reported_by, synthetic)
      select i.id,
        to_char(date_trunc('month', current_date) - k * interval '1 month', 'YYYY-MM'),
        '[Syntetisk] Framdrift', (array['green', 'yellow', 'red'])[1 + (i.number + k) % 3],
        (array['green', 'green', 'yellow', 'red'])[1 + (i.number * 3 + k) % 4],
        (array['green', 'yellow', 'green'])[1 + (i.number + 2 * k) % 3],
        (array['green', 'yellow'])[1 + (i.number + k) % 2],
        '', '', '', least(100, k * 10), ${user}::uuid, true
      from pf_initiatives i, generate_series(1, ${perInitiative}) k
      where i.synthetic and i.number >= ${firstNumber}
    `.execute(trx);

    // Scores: every synthetic initiative on every criterion, 1–5 from a hash of id and key.
    const scores = await sql`
      insert into pf_scores (initiative_id, criterion_id, score, scored_by)
      select i.id, c.id, 1 + (hashtext(i.id::text || c.key) & 2147483647) % 5, ${user}::uuid
      from pf_initiatives i cross join pf_criteria c
      where i.synthetic and i.number >= ${firstNumber}
      on conflict do nothing
    `.execute(trx);

    // Pool members: the five roles in turn, most full time.
    await sql`
      insert into pf_pool_members (name, role, home_unit_id, default_capacity, synthetic)
      select '[Syntetisk] Poolmedlem ' || lpad(g::text, 3, '0'),
        (array['service_designer', 'concept_developer', 'enterprise_architect', 'project_manager', 'line_staff'])[1 + g % 5],
        u.ids[1 + (g * 13) % array_length(u.ids, 1)],
        case when g % 4 = 0 then 0.5 else 1 end, true
      from generate_series(1, ${memberCount}) g, (select array_agg(id order by key) as ids from org_units) u
    `.execute(trx);

    // Allocations for the next 12 months: two initiatives each; every 25th member over-allocated on purpose (with a reason).
    const allocations = await sql`
      with members as (
        select id, default_capacity, row_number() over (order by name) as k from pf_pool_members where synthetic
      ), targets as (
        select id, row_number() over (order by number) as r, count(*) over () as total
        from pf_initiatives where synthetic and number >= ${firstNumber} and state = 'active'
      ), plan as (
        select m.id as member_id, t.id as initiative_id, slot, m.k, m.default_capacity
        from members m
        cross join generate_series(1, 3) slot
        join targets t on t.r = 1 + ((m.k * (7 + slot * 6)) % t.total)
        where slot < 3 or m.k % 25 = 0
      )
      insert into pf_allocations (member_id, initiative_id, month, share, override_reason, allocated_by)
      select p.member_id, p.initiative_id, (date_trunc('month', current_date) + mo * interval '1 month')::date,
        case when p.slot = 1 then p.default_capacity * 0.5 when p.slot = 2 then p.default_capacity * 0.3 else 0.6 end,
        case when p.slot = 3 then '[Syntetisk] Bevisst overbooking for testing' end,
        ${user}::uuid
      from plan p cross join generate_series(0, 11) mo
      on conflict do nothing
    `.execute(trx);

    // A capacity line at about 40 % of what the candidates ask for, if none is set.
    await sql`
      update pf_settings set capacity_line = (
        select round(coalesce(sum(estimated_cost), 0) * 0.4) from pf_initiatives
        where state = 'active' and phase in ('idea', 'concept', 'planning', 'execution')
      ), revision = revision + 1
      where capacity_line = 0
    `.execute(trx);

    return {
      initiatives: n,
      reports: Number(reports.numAffectedRows ?? 0),
      members: memberCount,
      allocations: Number(allocations.numAffectedRows ?? 0),
      scores: Number(scores.numAffectedRows ?? 0),
    };
  });
}
