import type { LeaderSupportDb } from '../leader-support.tables.js';

// Demo articles for leaders on what the first line helps with (seed 002 s. 61–63: adgangskort,
// brukertilganger, PC og telefon, e-handel, faktura, personal, lønn, arkivsystemer). The text is
// fictitious, written for the demo, and marked as such (demo = true); no source states these procedures.

interface DemoArticle {
  key: string;
  title: string;
  summary: string;
  body: string;
  /** A request category from the module's dataset (dataset/catalogue.ts); null when absent. */
  categoryKey: string;
}

export const demoArticles: DemoArticle[] = [
  {
    key: 'glemt-passord',
    title: 'Glemt passord – lag nytt selv',
    summary: 'Du lager nytt passord selv på nett, uten å ringe rundt.',
    categoryKey: 'brukertilgang',
    body: `Har du glemt passordet ditt? **Ikke ring rundt** – du kan lage nytt passord selv, når som helst.

1. Gå til siden for selvbetjent passord på intranettet.
2. Bekreft hvem du er med BankID.
3. Velg et nytt passord på minst 12 tegn.

Er kontoen sperret etter for mange forsøk, venter du 15 minutter og prøver igjen.
Hjelper ikke dette, sender du en henvendelse i kategorien *Brukertilgang til et system*.`,
  },
  {
    key: 'adgangskort',
    title: 'Adgangskort: bestille, sperre eller endre',
    summary: 'Slik bestiller du adgangskort til en ny ansatt, og slik sperrer du et mistet kort.',
    categoryKey: 'adgangskort',
    body: `**Mistet kort** sperres straks: send en henvendelse i kategorien *Adgangskort* og velg «Sperre».

For en **ny ansatt** bestiller du kortet samtidig med brukertilgangene, helst to uker før første arbeidsdag.
Oppgi hvilke bygg og dører den ansatte trenger.

Endret tilgang (nye dører, nytt bygg) bestilles på samme måte.`,
  },
  {
    key: 'ny-ansatt-brukertilganger',
    title: 'Ny ansatt – brukertilganger',
    summary: 'Hva du bestiller når en ny medarbeider begynner: konto, e-post, fagsystemer.',
    categoryKey: 'brukertilgang',
    body: `Når du har ansatt en ny medarbeider, bestiller du:

- brukerkonto og e-postadresse
- tilgang til fagsystemene stillingen trenger
- adgangskort (egen kategori)
- PC og telefon (egen kategori)

Bestill i god tid: minst **ti virkedager** før første arbeidsdag.
Tilgangene gis etter prinsippet om minste nødvendige tilgang; du som leder godkjenner dem.`,
  },
  {
    key: 'pc-og-telefon-virker-ikke',
    title: 'PC eller telefon virker ikke',
    summary: 'Prøv dette først – de fleste feil løser seg med en omstart og oppdatering.',
    categoryKey: 'pc-og-telefon',
    body: `Før du sender en henvendelse:

1. Start maskinen eller telefonen på nytt.
2. Sjekk at den er koblet til nettet (kablet eller trådløst).
3. Kjør oppdateringer og start på nytt igjen.

Virker det fortsatt ikke, sender du en henvendelse i kategorien *PC og telefon*.
Skriv hva du prøvde å gjøre, hva som skjedde, og eventuell feilmelding.`,
  },
  {
    key: 'e-handel-bestilling',
    title: 'E-handel: bestille varer og tjenester',
    summary: 'Slik bestiller du fra kommunens avtaler i e-handelssystemet.',
    categoryKey: 'e-handel',
    body: `Bestill alltid fra **rammeavtalene** i e-handelssystemet når varen finnes der.

- Finner du ikke varen, send en henvendelse i kategorien *E-handel*.
- En bestilling over din beløpsgrense må godkjennes av din leder.
- Varemottak registreres når varene er kommet, så fakturaen kan betales.`,
  },
  {
    key: 'faktura-attestasjon',
    title: 'Faktura: attestere og anvise',
    summary: 'Hva attestasjon og anvisning betyr, og hva du gjør med en feil faktura.',
    categoryKey: 'faktura',
    body: `**Attestasjon** betyr at du bekrefter at varen eller tjenesten er levert som avtalt.
**Anvisning** betyr at du som budsjettansvarlig godkjenner utbetalingen.

Er fakturaen feil, avviser du den i fakturasystemet med en kort begrunnelse.
Spørsmål om en bestemt faktura sender du i kategorien *Faktura*.`,
  },
  {
    key: 'lonn-refusjon-ferie-fravaer',
    title: 'Lønn, refusjon, ferie og fravær',
    summary: 'Hvor du finner svar om lønnsendring, sykepengerefusjon, ferie og fravær.',
    categoryKey: 'lonn',
    body: `**Ferie og fravær** registrerer den ansatte selv i personalsystemet; du godkjenner.

**Refusjoner** (for eksempel sykepenger fra NAV) følges opp av lønn. Send en henvendelse i kategorien *Lønn*
hvis en refusjon mangler.

**Lønnsendringer** etter forhandlinger meldes i kategorien *Lønn*, med dato endringen gjelder fra.
Spørsmål om ansettelse og personalsaker sendes i kategorien *Personal*.`,
  },
  {
    key: 'arkivsystemet',
    title: 'Arkivsystemet: journalføring og tilgang',
    summary: 'Når et dokument skal journalføres, og hvordan du får tilgang til sak- og arkivsystemet.',
    categoryKey: 'arkivsystem',
    body: `Dokumenter som kommer inn til eller sendes ut fra kommunen i en sak, skal **journalføres**.

- Tilgang til sak- og arkivsystemet bestilles i kategorien *Brukertilgang til et system*.
- Spørsmål om journalføring og bruk sendes i kategorien *Arkivsystem*.
- Byarkivet gir opplæring for nye saksbehandlere.`,
  },
];

/**
 * Puts the demo articles in place once (by key; an existing article is never changed), so a leader
 * in the demo finds answers before writing a request. Never fails the start: problems go to `log`.
 */
export async function ensureDemoArticles(db: LeaderSupportDb, log: (message: string) => void): Promise<void> {
  try {
    const categories = await db.selectFrom('ls_categories').select(['id', 'key']).execute();
    const categoryId = new Map(categories.map((c) => [c.key, c.id]));
    const rows = await db
      .insertInto('ls_articles')
      .values(
        demoArticles.map((a) => ({
          key: a.key,
          title: a.title,
          summary: a.summary,
          body: a.body,
          category_id: categoryId.get(a.categoryKey) ?? null,
          audience: 'leaders' as const,
          published: true,
          demo: true,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    if (rows.length > 0) log(`leader support: added ${rows.length} demo articles to the knowledge base`);
  } catch (error) {
    log(`leader support: could not add the demo articles (${error instanceof Error ? error.message : String(error)})`);
  }
}
