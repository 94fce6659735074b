import { AppError, demoPassword, hashPassword, recordAudit, systemContext, type Database, type Role } from '../../../kernel/index.js';
import { countActiveDemoUsers, countAdministrators, findUserByUsername, insertUser } from './accounts.queries.js';

/**
 * One sign-in per role, for trying Knutepunkt on the embedded database. Fictitious: they are
 * named by their role, not after people. Never created in production mode.
 */
export const demoAccounts: { username: string; displayName: string; role: Role; followsPosition?: true }[] = [
  { username: 'admin', displayName: 'Demo Administrator', role: 'administrator' },
  { username: 'organisasjon', displayName: 'Demo Organisasjonsredaktør', role: 'organisation_editor' },
  // These four have no role of their own: it follows their demo position (the organisation's demo
  // people), the first-line desk or the board seat, and ends the day that does.
  { username: 'leder', displayName: 'Demo Leder', role: 'leader', followsPosition: true },
  { username: 'hjemmetjeneste', displayName: 'Demo Hjemmetjenesteleder', role: 'leader', followsPosition: true },
  { username: 'ansatt', displayName: 'Demo Medarbeider', role: 'employee' },
  { username: 'forstelinje', displayName: 'Demo Førstelinje', role: 'first_line_agent', followsPosition: true },
  { username: 'andrelinje', displayName: 'Demo Andrelinje', role: 'second_line_agent' },
  { username: 'analytiker', displayName: 'Demo Analytiker', role: 'analyst' },
  { username: 'portefolje', displayName: 'Demo Porteføljestyre', role: 'portfolio_board_member', followsPosition: true },
  { username: 'digitalagent', displayName: 'Demo Digitalagent', role: 'employee' },
  { username: 'direktor', displayName: 'Demo Direktør', role: 'reorganisation_approver', followsPosition: true },
];

/** Creates the demo accounts that do not exist yet. */
export async function ensureDemoAccounts(database: Database): Promise<void> {
  const missing: typeof demoAccounts = [];
  for (const account of demoAccounts) if (!(await findUserByUsername(database.db, account.username))) missing.push(account);
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(demoPassword);
  await database.db.transaction().execute(async (trx) => {
    for (const account of missing) {
      const user = await insertUser(trx, {
        username: account.username,
        display_name: account.displayName,
        password_hash: passwordHash,
        roles: account.followsPosition ? [] : [account.role],
        is_demo: true,
        disabled_at: null,
      });
      await recordAudit(trx, systemContext, {
        action: 'create',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, roles: user.roles, demo: true },
      });
    }
  });
}

/**
 * Production refuses what demo mode allows: demo accounts with the known password must be gone,
 * and the first administrator is created from ADMIN_PASSWORD, never from a default.
 */
export async function prepareProductionAccounts(database: Database, adminPassword: string | undefined): Promise<void> {
  if ((await countActiveDemoUsers(database.db)) > 0) {
    throw new AppError('conflict', {
      message: {
        en: 'This database has demo accounts with the published demo password. Production mode refuses to start: disable the demo accounts or start in demo mode.',
        nb: 'Databasen har demokontoer med det kjente demopassordet. Produksjonsmodus nekter å starte: deaktiver demokontoene eller start i demomodus.',
      },
    });
  }
  if ((await countAdministrators(database.db)) > 0) return;
  if (!adminPassword) {
    throw new AppError('invalid', {
      message: {
        en: 'No administrator exists yet. Set ADMIN_PASSWORD (at least 12 characters) to create the user "admin" on this first production start.',
        nb: 'Det finnes ingen administrator ennå. Sett ADMIN_PASSWORD (minst 12 tegn) for å opprette brukeren «admin» ved første oppstart i produksjon.',
      },
    });
  }
  const passwordHash = await hashPassword(adminPassword);
  await database.db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, {
      username: 'admin',
      display_name: 'Administrator',
      password_hash: passwordHash,
      roles: ['administrator'],
      disabled_at: null,
    });
    await recordAudit(trx, systemContext, {
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: { username: user.username, roles: user.roles },
    });
  });
}
