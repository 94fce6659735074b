import type { SteeringDb } from '../steering.tables.js';
import { asDecisionsDb } from './shared.js';

// The political decisions seed 004's measures follow. Only bystyresak 53/17 has a case number in
// the seed (meeting 25.4.17); the 30.5.17 decision on whistleblowing has none, so it is kept as the
// measure's reference text rather than invented into the register (case_number is required).

export const exampleDecisionSource =
  'Seed 004, programområde 07 (gamle Drammen kommune), 1. tertialrapport 2017, «Tiltak for bekjempelse av arbeidslivskriminalitet og sosial dumping». Ansvarlig: rådmannen (i 2020-modellen Rådmannens lederteam)';

/** Bystyresak 53/17 (25.4.17) with its progress as the first tertial report of 2017 states it. */
export async function loadDecisionExamples(steeringDb: SteeringDb): Promise<void> {
  const trx = asDecisionsDb(steeringDb);
  const unit = await trx.selectFrom('org_units').select('id').where('key', '=', 'radmannens-lederteam').executeTakeFirst();
  if (!unit) return; // the organisation dataset is not there: nothing to give the decision to
  const existing = await trx
    .selectFrom('st_political_decisions')
    .select('id')
    .where('case_number', '=', '53/17')
    .where('meeting_date', '=', '2017-04-25')
    .executeTakeFirst();
  if (existing) return;
  const decision = await trx
    .insertInto('st_political_decisions')
    .values({
      body: 'city_council',
      committee_name: null,
      meeting_date: '2017-04-25',
      case_number: '53/17',
      archive_reference: null,
      title: 'Arbeidslivskriminalitet og sosial dumping: strategiske grep for å hindre svart økonomi og arbeidslivskriminalitet',
      decision_text:
        'Bystyret vedtok strategiske grep for å hindre svart økonomi og arbeidslivskriminalitet i kommunen. Disse legges til grunn for kommunens anskaffelser. Bystyret ga rådmannen fullmakt til å inngå avtale med Kemneren i Drammensregionen om kjøp av kontrolltjenester. (Gjengitt etter tertialrapporten; vedtaksteksten står i arkivet.)',
      responsible_unit_id: unit.id,
      deadline: null,
      status: 'in_progress',
      source: exampleDecisionSource,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('st_decision_notes')
    .values({
      decision_id: decision.id,
      body: 'Per 1. tertial 2017: Som varslet i bystyresak 53/17 foreslår rådmannen å innarbeide en budsjettjustering på 1,5 millioner kroner for året 2017 til kjøp av kontrolltjenester. (Seed 004)',
      status_from: 'not_started',
      status_to: 'in_progress',
      author_id: null,
      created_at: '2017-04-30T12:00:00+02:00',
    })
    .execute();
}
