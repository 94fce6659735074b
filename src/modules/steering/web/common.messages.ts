// The steering module's shared texts: the menu.
export const commonNb = {
  'nav.label': 'Styring og oppfølging',
  'nav.overview': 'Oversikt',
  'nav.goals': 'Mål',
  'nav.indicators': 'Indikatorer',
  'nav.comparison': 'Sammenligning',
  'nav.import': 'Import',
  'nav.decisions': 'Politiske vedtak',
  'nav.budget': 'Budsjett',
  'nav.reports': 'Rapporter',
};

export const commonEn: Record<keyof typeof commonNb, string> = {
  'nav.label': 'Steering and follow-up',
  'nav.overview': 'Overview',
  'nav.goals': 'Goals',
  'nav.indicators': 'Indicators',
  'nav.comparison': 'Comparison',
  'nav.import': 'Import',
  'nav.decisions': 'Political decisions',
  'nav.budget': 'Budget',
  'nav.reports': 'Reports',
};
