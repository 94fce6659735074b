import type { SteeringDb } from '../steering.tables.js';
import { asDecisionsDb } from '../decisions/shared.js';

// The budget part of the built-in dataset: only what the reference facts and seed 004 state, each
// entry with its source. No budget amounts, actuals or forecasts are given there, so none are made up.

const areas2020Source = 'Referansefakta: rådmannens budsjettforslag for 2020 (programområder 2020 med utvalg)';

/** The 2020 programme areas P01–P18 with their committees (reference facts). P05's name could not be read. */
export const programmeAreas2020: { code: string; name: string; committee: string | null; note?: string }[] = [
  { code: 'P01', name: 'Skole', committee: 'Oppvekst og utdanning' },
  { code: 'P02', name: 'Barnehager', committee: 'Oppvekst og utdanning' },
  { code: 'P03', name: 'Forebyggende tjenester', committee: 'Oppvekst og utdanning' },
  { code: 'P04', name: 'Helse', committee: 'Helse, sosial og omsorg' },
  {
    code: 'P05',
    name: 'Navn ikke oppgitt i kildene',
    committee: null,
    note: 'P05s navn og utvalg kunne ikke leses i kilden; fyll inn når det er kjent',
  },
  { code: 'P06', name: 'Hjemmetjenester og institusjon', committee: 'Helse, sosial og omsorg' },
  { code: 'P07', name: 'Rus og psykisk helse', committee: 'Helse, sosial og omsorg' },
  { code: 'P08', name: 'Sosialtjeneste, etablering og bolig', committee: 'Helse, sosial og omsorg' },
  { code: 'P09', name: 'Kultur, idrett og frivillighet', committee: 'Kultur, idrett og frivillighet' },
  { code: 'P10', name: 'Medvirkning og lokaldemokrati', committee: 'Kultur, idrett og frivillighet', note: 'omfatter lokalsentrene' },
  { code: 'P11', name: 'Utbygging og samferdsel', committee: 'Tekniske tjenester' },
  { code: 'P12', name: 'Vann, avløp og renovasjon', committee: 'Tekniske tjenester' },
  { code: 'P13', name: 'Arealplan og miljø', committee: 'Tekniske tjenester' },
  { code: 'P14', name: 'Ledelse, styring og administrasjon', committee: 'Formannskapet' },
  { code: 'P15', name: 'Samfunnssikkerhet', committee: 'Formannskapet' },
  { code: 'P16', name: 'Næringsutvikling', committee: 'Formannskapet' },
  { code: 'P17', name: 'Arbeid og inkludering', committee: 'Formannskapet' },
  { code: 'P18', name: 'Politisk styring', committee: 'Formannskapet' },
];

/** The 2020 programme areas P01–P18 (reference facts). */
export async function loadProgrammeAreas(steeringDb: SteeringDb): Promise<void> {
  const trx = asDecisionsDb(steeringDb);
  await trx
    .insertInto('st_programme_areas')
    .values(
      programmeAreas2020.map((area, index) => ({
        code: area.code,
        name: area.name,
        committee: area.committee,
        sort_order: (index + 1) * 10,
        source: area.note ? `${areas2020Source}. ${area.note}.` : areas2020Source,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** Old Drammen's 2017 programme area 07 (a different code space from the 2020 set). */
export const exampleAreaCode = 'D2017-07';
const seed = (section: string) => `Seed 004, programområde 07 (gamle Drammen kommune), 1. tertialrapport 2017, «${section}»`;

/** The measures seed 004 names for the first tertial of 2017, with amounts; they add up to the 9,4 million the conclusion proposes. */
export const exampleMeasures: {
  title: string;
  reason: string;
  amount: number;
  decisionCase?: string;
  decisionReference: string | null;
  section: string;
}[] = [
  {
    title: 'Kommunereform og administrative ressurser',
    reason:
      'Arbeidsgrupper og forberedende kartlegging som skal sikre fellesnemnda og prosjektrådmannen en god start; Drammen får ekstra ansvar i driftsprosesser inn mot ny kommune 1.1.20. Rådmannen foreslår å sette av 5 millioner kroner i 2017.',
    amount: 5_000_000,
    decisionReference: null,
    section: 'Kommunereform og administrative ressurser',
  },
  {
    title: 'Kjøp av kontrolltjenester fra Kemneren (arbeidslivskriminalitet og sosial dumping)',
    reason:
      'Bystyret ga rådmannen fullmakt til å inngå avtale med Kemneren i Drammensregionen om kjøp av kontrolltjenester. Som varslet i bystyresak 53/17 foreslår rådmannen en budsjettjustering på 1,5 millioner kroner for 2017.',
    amount: 1_500_000,
    decisionCase: '53/17',
    decisionReference: 'sak 53/17, 25.4.17',
    section: 'Tiltak for bekjempelse av arbeidslivskriminalitet og sosial dumping',
  },
  {
    title: 'Eksternt varslingsmottak og sentralt internt varslingsråd',
    reason: 'I tråd med bystyresaken: 100 000 kroner til etablering av tiltaket og 50 000 kroner i årlige driftskostnader.',
    amount: 150_000,
    decisionReference: 'Bystyret 30.5.17 (saksnummer ikke oppgitt i kilden)',
    section: 'Eksternt varslingsmottak',
  },
  {
    title: 'Oppfølging av Deloittes granskingsrapport av byggesaksavdelingen',
    reason:
      'Midlene går i hovedsak til utredning av selvkostmodell byggesak, lønn til ny konserncontroller og kjøp av eksterne tjenester knyttet til kontrolloppgaver.',
    amount: 2_500_000,
    decisionReference: null,
    section: 'Oppfølging av granskningsrapporten',
  },
  {
    title: 'Digitalisering av byhistorie (Per Otto Borgens byleksikon)',
    reason: 'Et digitalt og søkbart byleksikon i en nettløsning, med den søkbare pdf-fila av 2004-utgaven som utgangspunkt.',
    amount: 250_000,
    decisionReference: 'Bystyret 25.4.17, spørsmål om digitalisering av byleksikonet (saksnummer ikke oppgitt i kilden)',
    section: 'Digitalisering av byhistorie',
  },
];

/** Seed 004's programme area 07 with its 2017 first-tertial status, assessment, conclusion and measures. */
export async function loadBudgetExample(steeringDb: SteeringDb): Promise<void> {
  const trx = asDecisionsDb(steeringDb);
  const area = await trx
    .insertInto('st_programme_areas')
    .values({
      code: exampleAreaCode,
      name: 'Ledelse, organisering og styring (gamle Drammens programområde 07, 2017)',
      committee: null,
      active: false,
      sort_order: 1000,
      source: `${seed('Programområde 07 Ledelse, organisering og styring')}. Gamle Drammens egen inndeling før 2020, ikke 2020-settet P01–P18.`,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!area) return; // already loaded
  // The seed gives the deviation at the first tertial, not the budget or forecast it comes from.
  await trx
    .insertInto('st_budget_assessments')
    .values({
      area_id: area.id,
      year: 2017,
      as_of_month: 4,
      stated_deviation: 1_000_000,
      status_text: 'Programområdet viser per 1. tertial et merforbruk på 1 millioner kroner.',
      assessment:
        'Det er behov for å styrke programområdets økonomi med midler til arbeid med kommunereformen, oppfølging av granskningsrapporten og arbeid mot arbeidslivskriminalitet og sosial dumping.',
      conclusion: 'Rådmannen foreslår å styrke programområdet med 9,4 millioner kroner.',
      proposed_change: 9_400_000,
      source: `${seed('Økonomisk status')} (Fakta, Vurdering, Konklusjon). Budsjett, regnskap og prognose er ikke oppgitt i kilden.`,
    })
    .execute();
  const decisions = await trx
    .selectFrom('st_political_decisions')
    .select(['id', 'case_number', 'meeting_date'])
    .where('source', 'like', 'Seed 004%')
    .execute();
  await trx
    .insertInto('st_adjustments')
    .values(
      exampleMeasures.map((m) => ({
        area_id: area.id,
        year: 2017,
        title: m.title,
        reason: m.reason,
        amount: m.amount,
        decision_id: m.decisionCase ? (decisions.find((d) => d.case_number === m.decisionCase)?.id ?? null) : null,
        decision_reference: m.decisionReference,
        status: 'proposed' as const,
        source: seed(m.section),
      })),
    )
    .execute();
}
