// The portfolio module's shared texts: the menu.
export const commonNb = {
  'nav.label': 'Porteføljestyring',
  'nav.overview': 'Oversikt',
  'nav.new': 'Foreslå initiativ',
  'nav.roadmap': 'Veikart',
  'nav.board': 'Porteføljestyret',
  'nav.prioritisation': 'Prioritering',
  'nav.capacity': 'Ressurspool',
  'nav.benefits': 'Gevinster',
};

export const commonEn: Record<keyof typeof commonNb, string> = {
  'nav.label': 'Portfolio management',
  'nav.overview': 'Overview',
  'nav.new': 'Propose an initiative',
  'nav.roadmap': 'Roadmap',
  'nav.board': 'Portfolio board',
  'nav.prioritisation': 'Prioritisation',
  'nav.capacity': 'Resource pool',
  'nav.benefits': 'Benefits',
};
