// What the portfolio module gives the web shell: its routes, front page and menu entries (src/web/modules.ts lists it).
import type { DomainWebModule } from '../../../web/routing';
import { portfolioRoutes } from './routes';

export const portfolioWeb = {
  key: 'portfolio',
  path: '/portefolje',
  routes: portfolioRoutes,
  menu: [],
} as const satisfies DomainWebModule;
