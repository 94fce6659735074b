import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnutepunktModule } from '../../kernel/index.js';
// Registers the 'group' role source: the provider's groups mapped to roles.
import './server/group-roles.js';
import { registerScimRoutes } from './server/scim/scim.routes.js';
import { registerUserAdminRoutes } from './server/users/users.routes.js';
import { mountLocalProvider } from './server/local-provider/local-provider.js';
import { registerOidcRoutes } from './server/oidc/oidc.routes.js';

export type { IdentityTables, IdentityDb } from './server/identity.tables.js';
export { disableUser, enableUser } from './server/users/lifecycle.js';

/**
 * Who the users are: sign-in through the municipality's identity provider (OpenID Connect, and the
 * built-in provider of demo mode), SCIM provisioning, and user administration with roles and where
 * each comes from. Listed last: it reads the organisation and what users own in the other modules.
 */
export const identityModule: KnutepunktModule = {
  name: 'identity',
  status: 'available',
  migrations: { owner: 'identity', dir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations') },
  registerRoutes: async (app, context) => {
    void app;
    void context;
    registerUserAdminRoutes(app, context);
    await registerScimRoutes(app, context);
    registerOidcRoutes(app, context);
    await mountLocalProvider(app, context);
  },
};
