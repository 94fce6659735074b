import { sql } from 'kysely';
import type { SteeringDb } from '../steering.tables.js';

// The goals and indicators the documents state, each with its source. Nothing invented: thresholds
// only where a document gives a number (ca. 70 % in the first line, seed 002 s. 61); no targets.
// Programme areas (P14) and owning units are looked up by code/key and skipped when missing.

const s21 = 'Seed 002 s. 21';
const s003 = 'Seed 003 (Fagmiljøenes forslag til strategi – Administrasjon og fellestjenester)';

interface GoalSeed {
  key: string;
  parentKey: string | null;
  level: 'community' | 'area' | 'unit';
  title: string;
  description?: string;
  strategies: string[];
  areaCode?: string;
  ownerKeys: string[];
  source: string;
}

const goals: GoalSeed[] = [
  {
    key: 'faerre-ressurser-til-administrasjon',
    parentKey: null,
    level: 'community',
    title: 'Færre ressurser og medarbeidere i støttefunksjoner og administrasjon enn summen av dagens tre kommuner',
    description:
      '«I nye Drammen kommune skal færre ressurser og medarbeidere organiseres i støttefunksjoner og administrasjon enn hva som er summen av dagens tre kommuner. (…) en større andel av ressursene vil benyttes i tjenestene fremfor i støttefunksjoner.»',
    strategies: [],
    ownerKeys: ['radmannens-lederteam'],
    source: s21,
  },
  {
    key: 'mindre-andel-til-administrasjon',
    parentKey: 'faerre-ressurser-til-administrasjon',
    level: 'area',
    title: 'Mindre andel av de totale ressursene i Nye Drammen skal benyttes på administrasjon',
    description: 'Mål for effektivisering: mindre andel til administrasjon enn i summen av de tre opprinnelige kommunene.',
    strategies: [
      'Administrative tjenester skal ha fokus på å skape merverdi for tjenestemottakerne, samtidig som ressursbruken reduseres',
      'Sikre at kostnader synliggjøres og måles',
      'Hente ut synergier ved bruk av ny teknologi og systemer',
      'Lage konsernovergripende løsninger – Konfeksjon fremfor skreddersøm',
      'Sentral styring vil være hensiktsmessig med tanke på å etablere lik praksis så tidlig som mulig',
      'Samle fagmiljøer som er gjensidig avhengig av hverandre og som kan hente ut effektiviserings- og kvalitetsgevinster',
      'Det utredes etablering av tjenestesentre eller kunnskapsceller (centre of excellence) for effektiv administrativ støtte for virksomhetene',
      'Utvikle kommunens struktur og systematikk for oppfølging av politiske vedtak',
    ],
    areaCode: 'P14',
    ownerKeys: ['dir-administrasjon'],
    source: `${s003}, Effektivisering`,
  },
  {
    key: 'merverdi-for-tjenestemottaker',
    parentKey: null,
    level: 'area',
    title: 'Stabs- og støttefunksjonene skal gi merverdi for tjenestemottaker',
    strategies: [
      'Etablere ordninger hvor det er tjenestemottakeren som definerer behov og setter premisser for omfang, funksjonalitet og kvalitet på tjenesten',
      'Tjenestemottaker må ta sitt ansvar for kostnadsutvikling gjennom en bestiller-/utførermodell',
      'Tjenestemottakertilfredshet kan måles gjennom brukerundersøkelser',
      'Administrative tjenester skal legges til rette for at toppledergruppen skal kunne jobbe strategisk',
      'Etablere ett samordnet, digitalt og lokalt kundesenter for betjening av innbyggere og næringsliv',
    ],
    areaCode: 'P14',
    ownerKeys: ['dir-administrasjon', 'dir-styring-og-eierskap'],
    source: `${s003}, Tjenestemottakere`,
  },
  {
    key: 'kompetanse-for-fremtidens-behov',
    parentKey: null,
    level: 'area',
    title: 'Nye Drammen skal utvikle og tiltrekke seg tilstrekkelig og relevant kompetanse for fremtidens behov',
    strategies: [
      'Kommunens størrelse vil gi grunnlag for satsning på fagutvikling, spisskompetanse og spesialisering på de fleste områder',
      'Etablere karrieremuligheter både innenfor fag og ledelse',
      'Felles metodikk og tilgjengelige styringsverktøy',
      'Kontinuerlig bruk av oppdatert og egnet teknologi og digitalisering',
    ],
    areaCode: 'P14',
    ownerKeys: ['dir-administrasjon'],
    source: `${s003}, Kompetanseutvikling`,
  },
  {
    key: 'mest-innovative-pa-administrasjon',
    parentKey: null,
    level: 'area',
    title: 'Nye Drammen skal være landets mest innovative kommune også på administrasjonsområdet',
    strategies: [
      'Kontinuerlig etterstrebe effektive prosesser og oppgaveløsning i organisasjonen',
      'Etablere en helhetlig innovasjons- og utviklingsagenda',
      'Spesialisering og økt faglig fordypning',
      'Legge ressurser i utviklingstiltak',
      'Skape rom for stor grad av prosjektorientert arbeid',
    ],
    areaCode: 'P14',
    ownerKeys: ['dir-administrasjon'],
    source: `${s003}, Endringsdyktighet`,
  },
  {
    key: 'forstelinjen-loser-de-fleste',
    parentKey: 'mindre-andel-til-administrasjon',
    level: 'unit',
    title: 'Ca. 70 % av alle henvendelser fra ledere skal kunne løses i 1.linjen',
    description:
      '«Målet vil være at ca. 70% av alle henvendelser skal kunne løses i 1.linjen.» Omfanget av administrativt arbeid i lederrollen skal reduseres gjennom godt tilpassede og lett tilgjengelige støttetjenester (s. 60).',
    strategies: ['Én dør inn for alle forespørsler fra ledere, med digitale løsninger for en effektiv flyt (s. 61)'],
    areaCode: 'P14',
    ownerKeys: ['forstelinje-til-ledere'],
    source: 'Seed 002 s. 59–61',
  },
];

interface IndicatorSeed {
  key: string;
  name: string;
  definition: string;
  unitOfMeasure: string;
  direction: 'higher' | 'lower';
  frequency: 'month' | 'tertial' | 'year';
  dataSource: 'manual' | 'leader_support';
  greenAt: number | null;
  redAt: number | null;
  areaCode: string;
  ownerKeys: string[];
  goalKeys: string[];
  source: string;
}

const indicators: IndicatorSeed[] = [
  {
    key: 'administrasjonens-andel',
    name: 'Administrasjonens andel av de totale ressursene',
    definition:
      'Andelen av kommunens totale ressurser som brukes på administrasjon og støttefunksjoner. Målet er en mindre andel enn summen av de tre tidligere kommunene; dokumentene gir ingen tallgrense.',
    unitOfMeasure: '%',
    direction: 'lower',
    frequency: 'year',
    dataSource: 'manual',
    greenAt: null,
    redAt: null,
    areaCode: 'P14',
    ownerKeys: ['dir-administrasjon'],
    goalKeys: ['faerre-ressurser-til-administrasjon', 'mindre-andel-til-administrasjon'],
    source: `${s21}; ${s003}, Effektivisering`,
  },
  {
    key: 'forstelinjens-losningsgrad',
    name: 'Andel av ledernes henvendelser løst i 1.linjen',
    definition:
      'Andelen av henvendelsene løst i måneden der høyeste linje som arbeidet med saken var 1. linje (lederstøttens tall, docs/support-metrics.md). Målet er ca. 70 % (seed 002 s. 61): grønn fra 70 %, rød under.',
    unitOfMeasure: '%',
    direction: 'higher',
    frequency: 'month',
    dataSource: 'leader_support',
    greenAt: 70,
    redAt: 70,
    areaCode: 'P14',
    ownerKeys: ['forstelinje-til-ledere', 'stabsomrade-fellestjenester'],
    goalKeys: ['forstelinjen-loser-de-fleste'],
    source: 'Seed 002 s. 61',
  },
  {
    key: 'tjenestemottakertilfredshet',
    name: 'Tjenestemottakernes tilfredshet med stabs- og støttefunksjonene (brukerundersøkelse)',
    definition: '«Tjenestemottakertilfredshet kan måles gjennom brukerundersøkelser.» Skala og mål er ikke fastsatt i dokumentene.',
    unitOfMeasure: '',
    direction: 'higher',
    frequency: 'year',
    dataSource: 'manual',
    greenAt: null,
    redAt: null,
    areaCode: 'P14',
    ownerKeys: ['dir-administrasjon', 'dir-styring-og-eierskap'],
    goalKeys: ['merverdi-for-tjenestemottaker'],
    source: `${s003}, Tjenestemottakere`,
  },
];

export async function loadGoalsAndIndicators(trx: SteeringDb): Promise<void> {
  const units = await sql<{ key: string; id: string }>`select key, id from org_units`.execute(trx);
  const unitId = new Map(units.rows.map((row) => [row.key, row.id]));
  const areas = await trx.selectFrom('st_programme_areas').select(['code', 'id']).execute();
  const areaId = new Map(areas.map((row) => [row.code, row.id]));
  const goalId = new Map<string, string>();
  for (const [index, goal] of goals.entries()) {
    const owners = goal.ownerKeys.flatMap((key) => unitId.get(key) ?? []);
    if (owners.length === 0) continue;
    const parentId = goal.parentKey ? (goalId.get(goal.parentKey) ?? null) : null;
    const row = await trx
      .insertInto('st_goals')
      .values({
        key: goal.key,
        parent_id: parentId,
        level: goal.level,
        title: goal.title,
        description: goal.description ?? null,
        strategies: sql`${goal.strategies}::text[]` as unknown as string[],
        area_id: goal.areaCode ? (areaId.get(goal.areaCode) ?? null) : null,
        sort_order: index,
        source: goal.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    goalId.set(goal.key, row.id);
    await trx
      .insertInto('st_goal_owners')
      .values(owners.map((unit_id) => ({ goal_id: row.id, unit_id })))
      .execute();
  }
  for (const indicator of indicators) {
    const owners = indicator.ownerKeys.flatMap((key) => unitId.get(key) ?? []);
    if (owners.length === 0) continue;
    const row = await trx
      .insertInto('st_indicators')
      .values({
        key: indicator.key,
        name: indicator.name,
        definition: indicator.definition,
        unit_of_measure: indicator.unitOfMeasure,
        direction: indicator.direction,
        frequency: indicator.frequency,
        data_source: indicator.dataSource,
        green_at: indicator.greenAt,
        red_at: indicator.redAt,
        area_id: areaId.get(indicator.areaCode) ?? null,
        source: indicator.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('st_indicator_owners')
      .values(owners.map((unit_id) => ({ indicator_id: row.id, unit_id })))
      .execute();
    const linked = indicator.goalKeys.flatMap((key) => goalId.get(key) ?? []);
    if (linked.length)
      await trx
        .insertInto('st_indicator_goals')
        .values(linked.map((goal_id) => ({ indicator_id: row.id, goal_id })))
        .execute();
  }
}
