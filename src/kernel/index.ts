// The shared kernel's public surface. Modules import the kernel only from here.
export {
  loadConfig,
  ConfigError,
  demoPassword,
  localOidcClient,
  type Config,
  type HrFeedConfig,
  type OidcConfig,
  type SmtpConfig,
} from './config/config.js';
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
export { PoolInsideTransactionError } from './db/transaction-guard.js';
export { backupPglite, restorePglite, defaultBackupFile, BackupError } from './db/backup.js';
export { loadDatasets } from './db/datasets.js';
export { migrate, readMigrations, MigrationError, kernelMigrations, type MigrationSource } from './db/migrate.js';
export type { KernelTables, UserRow, NewUser } from './db/schema.js';
export { AppError, isAppError, errorCodes, type ErrorCode } from './errors/app-error.js';
export { assertRevision, conflict, forbidden, invalid, notFound } from './errors/refusals.js';
export { pickLocale, compareNorwegian, sortByNorwegian, locales, type Locale } from './i18n/locale.js';
export {
  configurePasswordHashing,
  hashPassword,
  passwordHashingStats,
  verifyAgainstDummy,
  verifyPassword,
  withPasswordSlot,
  type PasswordHashingLimits,
} from './auth/passwords.js';
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
  type ScopeExecutor,
  type ScopeResolver,
} from './auth/permissions.js';
export {
  actorForUser,
  hasRoleOn,
  registerRoleSource,
  rolesOfUsers,
  resolveRoleOrigins,
  rolesOf,
  type RoleOrigin,
  type RoleOriginKind,
  type RoleOriginRow,
  type RoleSource,
} from './auth/role-sources.js';
export { recordSignInEvent, type SignInEvent } from './auth/sign-in-events.js';
export { ownedItemsOf, registerOwnedItems, type OwnedBy, type OwnedItem, type OwnedItemsSource } from './auth/owned-items.js';
export { recordAudit, systemContext, type AuditEntry, type WriteContext } from './audit/audit.js';
export { buildApp, type AppOptions, type RegisteredRoute } from './http/app.js';
export type { App, RouteAccess } from './http/types.js';
export { writeContext } from './http/context.js';
export { uploadedFile, uploadFormat, withRawBody } from './http/raw-body.js';
export { securityHeaders } from './http/security-headers.js';
export { assertSafeName, hasBidiControl, hasLoneSurrogate, importedTextProblem } from './http/unicode.js';
export { SerialisedJson, sendSerialised, serialisedOnce } from './http/serialised.js';
export type { KnutepunktModule, ModuleContext } from './module.js';
export { CsvError, decodeUtf8, detectSeparator, parseCsv, restoreFormulaText, type LocalisedText } from './import/csv.js';
export { unpackedZipSize } from './import/zip.js';
export { cellIntent, clearMarker, type CellIntent } from './import/empty-cells.js';
export { assertImportPlanned } from './import/stored-import.js';
export {
  readXlsxUpload,
  XlsxUploadError,
  xlsxMaxUnpackedBytes,
  xlsxWorkerLimits,
  type XlsxCell,
  type XlsxWorkbookRows,
} from './import/xlsx.js';
export { runInWorker, WorkerLimitError, type WorkerLimits } from './import/worker.js';
export {
  cellsToCsv,
  toCsv,
  toXlsx,
  sendTableExport,
  exportContentTypes,
  type ExportColumn,
  type ExportFormat,
  type Cell,
} from './export/table-export.js';
export { isUuid, todayInNorway } from './values/values.js';
export {
  addDays,
  asPeriod,
  changedColumns,
  coversPeriod,
  describePeriod,
  holdsOn,
  norwegianDate,
  overlaps,
  type Period,
} from './values/period.js';
export { freeKeyFrom, keyInUse, slugify } from './values/slug.js';
export { capitalise, cleanText, counted } from './values/text.js';
export { startRepeating, type RepeatingHandle } from './values/repeating.js';
export {
  classifyAddress,
  checkOutboundUrl,
  resolveOutboundTarget,
  sendOutbound,
  pinnedHttpTransport,
  parseOutboundAllowList,
  strictOutboundPolicy,
  OutboundRefusedError,
  type AddressClass,
  type HostLookup,
  type OutboundOptions,
  type OutboundPolicy,
  type OutboundRequest,
  type OutboundTransport,
  type ResolvedAddress,
} from './net/outbound.js';
