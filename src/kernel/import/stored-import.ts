import { AppError } from '../errors/app-error.js';

/**
 * A stored dry run about to be applied (the organisation's and places' imports): refused when it
 * was applied already, or when it changed since the client read it (an older revision).
 */
export function assertImportPlanned(row: { status: string; revision: number; fileName: string }, revision: number): void {
  if (row.status === 'applied') {
    throw new AppError('conflict', {
      message: {
        nb: `Importen av «${row.fileName}» er allerede gjennomført.`,
        en: `The import of "${row.fileName}" has already been applied.`,
      },
      details: { reason: 'applied' },
    });
  }
  if (row.revision !== revision) {
    throw new AppError('stale', {
      message: {
        nb: `Importen er endret i mellomtiden (du har versjon ${revision}, gjeldende er ${row.revision}). Last inn på nytt og se over prøveimporten igjen.`,
        en: `The import changed in the meantime (you have revision ${revision}, the current one is ${row.revision}). Reload and review the dry run again.`,
      },
      details: { revision: row.revision },
    });
  }
}
