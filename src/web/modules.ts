// The web shell's list of modules, as src/modules.ts is the server's: each module's web index gives
// its routes (router.tsx hangs them under the root) and its main-menu entries. The only file in
// src/web that imports from a module's web/ folder (scripts/check-imports.ts).
import type { ModuleKey } from './data/meta';
import type { MessageKey } from './i18n/i18n';
import { identityWeb } from '../modules/identity/web/index';
import { leaderSupportWeb } from '../modules/leader-support/web/index';
import { organisationWeb } from '../modules/organisation/web/index';
import { placesWeb } from '../modules/places/web/index';
import { portfolioWeb } from '../modules/portfolio/web/index';
import { steeringWeb } from '../modules/steering/web/index';
import type { DomainWebModule } from './routing';

/** The five domain modules, in the order they appear in the menu and on the home page. */
export const domainModules = [
  organisationWeb,
  placesWeb,
  leaderSupportWeb,
  portfolioWeb,
  steeringWeb,
] as const satisfies readonly DomainWebModule[];

/** Every module with pages: the domain modules, then user administration. */
export const webModules = [...domainModules, identityWeb] as const;

type WebModuleOf = (typeof webModules)[number];

/** Every module's routes, for the route tree (typed as the union of them all, so links type-check). */
export const moduleRoutes = webModules.flatMap((module): readonly WebModuleOf['routes'][number][] => module.routes);

/** The modules' own main-menu entries besides their front pages, in module order. */
export const menuEntries = webModules.flatMap((module): readonly WebModuleOf['menu'][number][] => module.menu);

// Typed so that a module without a name or summary in the dictionary is a type error.
export const moduleNameKey = (key: ModuleKey) => `module.${key}.name` as const satisfies MessageKey;
export const moduleSummaryKey = (key: ModuleKey) => `module.${key}.summary` as const satisfies MessageKey;
