// `npm run db:backup [FILE]`: a backup of the embedded database, by default to
// DATA_DIR/backups/knutepunkt-YYYYMMDD-HHMMSS.tar.gz. Knutepunkt must be stopped: the backup takes
// the data folder's lock, as the server does. On PostgreSQL, PostgreSQL's own tools do this better.
import path from 'node:path';
import { backupPglite, defaultBackupFile, loadConfig, redactUrl } from '../src/kernel/index.js';
import { fail, runScript } from './run-script.js';

runScript(async () => {
  const config = loadConfig();
  if (config.database.kind === 'postgres') {
    fail(
      `DATABASE_URL is set, so Knutepunkt uses PostgreSQL at ${redactUrl(config.database.url)}; back it up with PostgreSQL's tools:\n` +
        `  pg_dump --format=custom --file=knutepunkt.dump "$DATABASE_URL"\n` +
        `and restore it (with Knutepunkt stopped) with:\n` +
        `  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" knutepunkt.dump`,
    );
  }
  const { dataDir } = config.database;
  const arg = process.argv[2];
  const file = arg ? path.resolve(arg) : defaultBackupFile(dataDir);
  const { bytes } = await backupPglite(dataDir, file);
  process.stdout.write(`Backed up the embedded database in ${dataDir} to ${file} (${(bytes / 1_000_000).toFixed(1)} MB).\n`);
});
