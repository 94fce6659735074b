// The places module's text: what every places page shares: the menu, channels, entry points, hub functions and how a service is offered.
// Bokmål is the source: its keys define the type, and English must have exactly the same keys.

export const commonNb = {
  'common.unknown': 'ukjent',
  'common.fromOn': 'fra {date}',

  'nav.label': 'Steder og tjenester – sider',
  'nav.find': 'Finn tjeneste',
  'nav.districts': 'Kommunedeler',
  'nav.coverage': 'Dekning',
  'nav.coLocation': 'Samlokalisering',
  'nav.report': 'Nærhetsrapport',

  'offering.service': 'Tjeneste',
  'offering.district': 'Kommunedel',
  'offering.where': 'Hvor',
  'offering.when': 'Når',

  'mode.always': 'Alltid til stede',
  'mode.weekly': 'Faste dager hver uke',
  'mode.rotating': 'På omgang mellom knutepunktene',
  'mode.extended_period': 'Utvidet tilbud i en periode',

  'channel.in_person': 'oppmøte',
  'channel.phone': 'telefon',
  'channel.digital': 'på nett',
  'channel.home_visit': 'hjemmebesøk',
  'channel.outreach': 'oppsøkende',

  'entryPoint.apent_hus': 'Åpent hus',
  'entryPoint.service_desk': 'servicetorget',
  'entryPoint.hub': 'det lokale knutepunktet',

  'hubFunction.meeting_place': 'møteplass',
  'hubFunction.service_desk': 'servicetorg (innbyggertorg)',

  'nav.importExport': 'Import og eksport',
};

export const commonEn: Record<keyof typeof commonNb, string> = {
  'common.unknown': 'unknown',
  'common.fromOn': 'from {date}',

  'nav.label': 'Places and services – pages',
  'nav.find': 'Find a service',
  'nav.districts': 'Districts',
  'nav.coverage': 'Coverage',
  'nav.coLocation': 'Co-location',
  'nav.report': 'Proximity report',

  'offering.service': 'Service',
  'offering.district': 'District',
  'offering.where': 'Where',
  'offering.when': 'When',

  'mode.always': 'Always there',
  'mode.weekly': 'Fixed days every week',
  'mode.rotating': 'Takes turns between the hubs',
  'mode.extended_period': 'Extended offer for a period',

  'channel.in_person': 'in person',
  'channel.phone': 'phone',
  'channel.digital': 'online',
  'channel.home_visit': 'home visit',
  'channel.outreach': 'outreach',

  'entryPoint.apent_hus': 'Åpent hus (open house)',
  'entryPoint.service_desk': 'the service desk',
  'entryPoint.hub': 'the local hub',

  'hubFunction.meeting_place': 'meeting place',
  'hubFunction.service_desk': 'service desk (innbyggertorg)',

  'nav.importExport': 'Import and export',
};
