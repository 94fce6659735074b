// Shared by the db:* scripts: the errors an operator can fix are printed as their message alone,
// anything else with its stack, and both exit 1 so scripts and cron jobs notice.
import { AppError, BackupError, ConfigError, DataFolderLockedError, DatabaseConnectError } from '../src/kernel/index.js';

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof DataFolderLockedError ||
      error instanceof DatabaseConnectError ||
      error instanceof BackupError
    ) {
      fail(error.message);
    }
    if (error instanceof AppError) fail(error.messageFor('en'));
    fail((error as Error).stack ?? String(error));
  });
}
