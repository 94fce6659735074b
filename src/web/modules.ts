import type { ModuleKey } from './data/meta';
import type { MessageKey } from './i18n/i18n';

/** The five domain modules, in the order they appear in the menu and on the home page. */
export const domainModules = [
  { key: 'organisation', path: '/organisasjon' },
  { key: 'places', path: '/steder-og-tjenester' },
  { key: 'leader-support', path: '/lederstotte' },
  { key: 'portfolio', path: '/portefolje' },
  { key: 'steering', path: '/styring' },
] as const satisfies readonly { key: ModuleKey; path: string }[];

// Typed so that a module without a name or summary in the dictionary is a type error.
export const moduleNameKey = (key: ModuleKey) => `module.${key}.name` as const satisfies MessageKey;
export const moduleSummaryKey = (key: ModuleKey) => `module.${key}.summary` as const satisfies MessageKey;
