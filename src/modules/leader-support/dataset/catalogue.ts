import type { CategoryField, Priority } from '../leader-support.schemas.js';

// The built-in leader-support catalogue of Nye Drammen, from seed 002 (s. 59–64): what the first line
// handles, the second line in its own units (possibly per sector), the rare third line. The form
// fields of each category are Knutepunkt's design, not the municipality's; the desk changes them.

const s61 = '002 s. 61 (servicekonsept for ledere: 1.linje, 2.linje, 3.linje)';
const s63 =
  '002 s. 63 (1.linje til ledere: e-handel, faktura, anskaffelser, personal, lønn, regnskap, arkivsystemer og IKT-support; masterdata)';

export interface DatasetCategory {
  key: string;
  nb: string;
  en: string;
  descriptionNb: string;
  descriptionEn: string;
  area: 'tilganger' | 'ikt' | 'personal' | 'lonn' | 'okonomi' | 'anskaffelser' | 'arkiv' | 'masterdata' | 'annet';
  kind?: 'general' | 'leader_change';
  fields: CategoryField[];
  defaultPriority?: Priority;
  source: string;
}

const label = (nb: string, en: string) => ({ nb, en });
const person = (key: string, nb: string, en: string, required = true): CategoryField => ({
  key,
  label: label(nb, en),
  type: 'person',
  required,
});
const text = (key: string, nb: string, en: string, required = true): CategoryField => ({
  key,
  label: label(nb, en),
  type: 'text',
  required,
});
const choice = (key: string, nb: string, en: string, options: [string, string, string][], required = true): CategoryField => ({
  key,
  label: label(nb, en),
  type: 'select',
  required,
  options: options.map(([value, optionNb, optionEn]) => ({ value, label: label(optionNb, optionEn) })),
});

export const categories: DatasetCategory[] = [
  {
    key: 'adgangskort',
    nb: 'Adgangskort',
    en: 'Access card',
    descriptionNb: 'Nytt, mistet eller endret adgangskort for en ansatt.',
    descriptionEn: 'A new, lost or changed access card for an employee.',
    area: 'tilganger',
    fields: [
      person('employee', 'Ansatt det gjelder', 'Employee concerned'),
      choice('need', 'Hva trengs', 'What is needed', [
        ['new', 'Nytt kort', 'New card'],
        ['lost', 'Mistet kort', 'Lost card'],
        ['access', 'Endret tilgang', 'Changed access'],
      ]),
      text('building', 'Bygg', 'Building'),
    ],
    source: '002 s. 61 (adgangskort)',
  },
  {
    key: 'telefon-og-epost',
    nb: 'Telefonnummer og e-postadresse',
    en: 'Phone number and e-mail address',
    descriptionNb: 'Nytt eller endret telefonnummer eller e-postadresse.',
    descriptionEn: 'A new or changed phone number or e-mail address.',
    area: 'tilganger',
    fields: [person('employee', 'Ansatt det gjelder', 'Employee concerned')],
    source: '002 s. 61 (telefonnummer og e-postadresser)',
  },
  {
    key: 'brukertilgang',
    nb: 'Brukertilgang til et system',
    en: 'User access to a system',
    descriptionNb: 'Tilgang for en ansatt til et fagsystem, eller endret eller fjernet tilgang.',
    descriptionEn: 'Access for an employee to a system, or changed or removed access.',
    area: 'tilganger',
    fields: [person('employee', 'Ansatt det gjelder', 'Employee concerned'), text('system', 'System', 'System')],
    source: '002 s. 61 (brukertilganger)',
  },
  {
    key: 'pc-og-telefon',
    nb: 'PC og telefon',
    en: 'PC and phone',
    descriptionNb: 'Noe virker ikke på PC-en eller telefonen.',
    descriptionEn: 'Something does not work on the PC or the phone.',
    area: 'ikt',
    fields: [
      choice('device', 'Utstyr', 'Device', [
        ['pc', 'PC', 'PC'],
        ['phone', 'Mobiltelefon', 'Mobile phone'],
        ['other', 'Annet', 'Other'],
      ]),
    ],
    source: '002 s. 61 (utfordringer med telefon og PC); s. 63 (IKT-support)',
  },
  {
    key: 'systemstotte',
    nb: 'Systemstøtte',
    en: 'System support',
    descriptionNb: 'Spørsmål om bruk av et fagsystem eller et administrativt system.',
    descriptionEn: 'Questions on using a professional or administrative system.',
    area: 'ikt',
    fields: [text('system', 'System', 'System')],
    source: '002 s. 61 (systemstøtte)',
  },
  {
    key: 'personal',
    nb: 'Personal',
    en: 'Personnel',
    descriptionNb: 'Ansettelse, oppfølging av HMS og personalsaker, ferie og fravær.',
    descriptionEn: 'Hiring, follow-up of health and safety and personnel cases, holidays and absence.',
    area: 'personal',
    fields: [
      choice('topic', 'Gjelder', 'Concerns', [
        ['hiring', 'Ansettelse', 'Hiring'],
        ['absence', 'Ferie og fravær', 'Holidays and absence'],
        ['hse', 'HMS og personalsak', 'Health, safety and personnel case'],
        ['other', 'Annet', 'Other'],
      ]),
      person('employee', 'Ansatt det gjelder', 'Employee concerned', false),
    ],
    source: '002 s. 61 (personal); s. 63 (Lønn/personal)',
  },
  {
    key: 'lonn',
    nb: 'Lønn',
    en: 'Payroll',
    descriptionNb: 'Lønnsendring, utbetaling, refusjoner og kontroll av lønn.',
    descriptionEn: 'Pay changes, payments, refunds and checks of pay.',
    area: 'lonn',
    fields: [
      person('employee', 'Ansatt det gjelder', 'Employee concerned'),
      choice('topic', 'Gjelder', 'Concerns', [
        ['change', 'Lønnsendring', 'Pay change'],
        ['payment', 'Utbetaling', 'Payment'],
        ['refund', 'Refusjon', 'Refund'],
        ['other', 'Annet', 'Other'],
      ]),
      text('period', 'Lønnsperiode (måned)', 'Pay period (month)', false),
    ],
    source: '002 s. 61 (personal og lønn); s. 63 (Lønn/personal)',
  },
  {
    key: 'e-handel',
    nb: 'E-handel',
    en: 'E-commerce',
    descriptionNb: 'Bestilling i e-handelssystemet.',
    descriptionEn: 'Ordering in the e-commerce system.',
    area: 'okonomi',
    fields: [],
    source: s63,
  },
  {
    key: 'faktura',
    nb: 'Faktura',
    en: 'Invoice',
    descriptionNb: 'Spørsmål om en faktura, attestasjon eller anvisning.',
    descriptionEn: 'Questions on an invoice, certification or approval.',
    area: 'okonomi',
    fields: [text('invoiceNumber', 'Fakturanummer', 'Invoice number'), text('supplier', 'Leverandør', 'Supplier', false)],
    source: s63,
  },
  {
    key: 'regnskap',
    nb: 'Regnskap',
    en: 'Accounting',
    descriptionNb: 'Bilag, bokføring, merverdiavgift og regnskapsrapporter.',
    descriptionEn: 'Vouchers, bookkeeping, VAT and accounting reports.',
    area: 'okonomi',
    fields: [],
    source: s63,
  },
  {
    key: 'anskaffelser',
    nb: 'Anskaffelser',
    en: 'Procurement',
    descriptionNb: 'Spørsmål om innkjøp, rammeavtaler og konkurranser.',
    descriptionEn: 'Questions on purchasing, framework agreements and tenders.',
    area: 'anskaffelser',
    fields: [],
    source: s63,
  },
  {
    key: 'arkivsystem',
    nb: 'Arkivsystem',
    en: 'Archive system',
    descriptionNb: 'Journalføring, tilgang og bruk av arkivsystemet.',
    descriptionEn: 'Registering, access and use of the archive system.',
    area: 'arkiv',
    fields: [],
    source: s63,
  },
  {
    key: 'lederbytte',
    nb: 'Lederbytte i en enhet (masterdata)',
    en: 'New leader of a unit (master data)',
    descriptionNb: 'Meld inn at en enhet får ny leder. Når 1.linjen godkjenner, oppdateres organisasjonen.',
    descriptionEn: 'Report that a unit gets a new leader. When the first line approves, the organisation is updated.',
    area: 'masterdata',
    kind: 'leader_change',
    fields: [
      { key: 'unit', label: label('Enhet', 'Unit'), type: 'unit', required: true },
      person('newLeader', 'Ny leder', 'New leader'),
      { key: 'validFrom', label: label('Gjelder fra', 'From'), type: 'date', required: true },
    ],
    source: '002 s. 63 (1.linjen utvikler og kvalitetssikrer «masterdata»)',
  },
  {
    key: 'annet',
    nb: 'Annet',
    en: 'Other',
    descriptionNb: 'Alt annet du trenger hjelp til som leder: én dør inn for alle henvendelser.',
    descriptionEn: 'Anything else you need help with as a leader: one door in for every request.',
    area: 'annet',
    fields: [],
    source: '002 s. 61 (én dør inn for alle forespørsler)',
  },
];

export interface DatasetGroup {
  key: string;
  name: string;
  line: 1 | 2 | 3;
  unitKey: string | null;
  specialisation?: string;
  source: string;
}

export const groups: DatasetGroup[] = [
  { key: 'forstelinje', name: '1.linje til ledere', line: 1, unitKey: 'forstelinje-til-ledere', source: `${s61}; 002 s. 63` },
  { key: 'ikt', name: 'IKT', line: 2, unitKey: 'ikt', source: '002 s. 61 (IKT drift); s. 63 (IKT)' },
  { key: 'lonn-og-personal', name: 'Lønn og personal', line: 2, unitKey: 'lonn-og-personal', source: '002 s. 63 (Lønn/personal)' },
  {
    key: 'lonn-og-personal-skole',
    name: 'Lønn og personal – skole',
    line: 2,
    unitKey: 'lonn-og-personal',
    specialisation: 'skole',
    source: '002 s. 61 (ressurser i 2.linje kan spisses mot et avgrenset område, f.eks. skole eller helse)',
  },
  {
    key: 'lonn-og-personal-helse',
    name: 'Lønn og personal – helse',
    line: 2,
    unitKey: 'lonn-og-personal',
    specialisation: 'helse',
    source: '002 s. 61 (ressurser i 2.linje kan spisses mot et avgrenset område, f.eks. skole eller helse)',
  },
  { key: 'regnskap', name: 'Regnskap', line: 2, unitKey: 'regnskap', source: '002 s. 61, 63 (Regnskap)' },
  { key: 'anskaffelser', name: 'Anskaffelser', line: 2, unitKey: 'anskaffelser', source: '002 s. 63 (Anskaffelser)' },
  { key: 'byarkiv', name: 'Byarkiv', line: 2, unitKey: 'byarkiv', source: '002 s. 63–64 (arkivsystemer; Byarkiv)' },
  {
    key: 'oppfolging-og-analyse',
    name: 'Oppfølging og analyse',
    line: 2,
    unitKey: 'stabsomrade-oppfolging-og-analyse',
    source: '002 s. 61 (2.linje i andre stabsområder, f.eks. Oppfølging og analyse)',
  },
  {
    key: 'kommuneadvokat',
    name: 'Kommuneadvokaten',
    line: 3,
    unitKey: 'stab-kommuneadvokat',
    source: '002 s. 61 (3.linje: spissede juridiske problemstillinger, arbeidsrettslige spørsmål); s. 64 (Kommuneadvokat)',
  },
];

export interface DatasetRoutingRule {
  categoryKey: string | null;
  areaUnitKey: string | null;
  groupKey: string;
  note: string | null;
  source: string;
}

const bySubject = '002 s. 61 (rutes videre til ressurser definert på forhånd), s. 63 (fagområdene)';
const bySector =
  '002 s. 61 (2.linje kan spisses mot skole eller helse). Hvilke tjenesteområder som regnes som «helse» er Knutepunkts eksempel; lederstøtten fastsetter det.';

export const routingRules: DatasetRoutingRule[] = [
  ...['adgangskort', 'telefon-og-epost', 'brukertilgang', 'pc-og-telefon', 'systemstotte'].map((categoryKey) => ({
    categoryKey,
    areaUnitKey: null,
    groupKey: 'ikt',
    note: null,
    source: bySubject,
  })),
  ...['personal', 'lonn'].flatMap((categoryKey) => [
    { categoryKey, areaUnitKey: null, groupKey: 'lonn-og-personal', note: null, source: bySubject },
    { categoryKey, areaUnitKey: 'omrade-skole', groupKey: 'lonn-og-personal-skole', note: 'Skole', source: bySector },
    { categoryKey, areaUnitKey: 'omrade-helsetjenester', groupKey: 'lonn-og-personal-helse', note: 'Helse', source: bySector },
    {
      categoryKey,
      areaUnitKey: 'omrade-institusjons-og-hjemmetjenester',
      groupKey: 'lonn-og-personal-helse',
      note: 'Helse',
      source: bySector,
    },
  ]),
  ...['e-handel', 'faktura', 'regnskap'].map((categoryKey) => ({
    categoryKey,
    areaUnitKey: null,
    groupKey: 'regnskap',
    note: null,
    source: bySubject,
  })),
  { categoryKey: 'anskaffelser', areaUnitKey: null, groupKey: 'anskaffelser', note: null, source: bySubject },
  { categoryKey: 'arkivsystem', areaUnitKey: null, groupKey: 'byarkiv', note: null, source: bySubject },
];
