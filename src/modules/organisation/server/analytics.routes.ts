import type { App } from '../../../kernel/index.js';
import type { OrganisationDb } from './organisation.tables.js';

export function registerAnalyticsRoutes(app: App, db: OrganisationDb): void {
  void app;
  void db;
}
