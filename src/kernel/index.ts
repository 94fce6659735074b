// The shared kernel's public surface. Modules import the kernel only from here.
export { loadConfig, ConfigError, demoPassword, type Config, type SmtpConfig } from './config/config.js';
export {
  openDatabase,
  openPglite,
  openPostgres,
  fromPglite,
  pgliteDir,
  redactUrl,
  isConnectionError,
  DatabaseConnectError,
  type Database,
  type Db,
} from './db/database.js';
export { DataFolderLockedError } from './db/data-folder-lock.js';
export { backupPglite, restorePglite, defaultBackupFile, BackupError } from './db/backup.js';
export { loadDatasets } from './db/datasets.js';
export { migrate, readMigrations, MigrationError, kernelMigrations, type MigrationSource } from './db/migrate.js';
export type { KernelTables, UserRow, NewUser } from './db/schema.js';
export { AppError, isAppError, errorCodes, type ErrorCode } from './errors/app-error.js';
export { pickLocale, compareNorwegian, sortByNorwegian, locales, type Locale } from './i18n/locale.js';
export { hashPassword, verifyPassword, verifyAgainstDummy } from './auth/passwords.js';
export {
  createSession,
  findSession,
  deleteSession,
  deleteExpiredSessions,
  sessionCookieName,
  type NewSession,
  type ActiveSession,
} from './auth/sessions.js';
export {
  can,
  isRole,
  permissionsOf,
  registerScopeResolver,
  roles,
  permissions,
  rolePermissions,
  type Actor,
  type Permission,
  type Role,
  type Scope,
  type ScopeResolver,
} from './auth/permissions.js';
export { recordAudit, systemContext, type AuditEntry, type WriteContext } from './audit/audit.js';
export { buildApp, type AppOptions, type RegisteredRoute } from './http/app.js';
export type { App, RouteAccess } from './http/types.js';
export { writeContext } from './http/context.js';
export { SerialisedJson, sendSerialised, serialisedOnce } from './http/serialised.js';
export type { KnutepunktModule, ModuleContext } from './module.js';
export { CsvError, decodeUtf8, detectSeparator, parseCsv, type LocalisedText } from './import/csv.js';
export { unpackedZipSize } from './import/zip.js';
export {
  toCsv,
  toXlsx,
  sendTableExport,
  exportContentTypes,
  type ExportColumn,
  type ExportFormat,
  type Cell,
} from './export/table-export.js';
export { isUuid, todayInNorway } from './values/values.js';
