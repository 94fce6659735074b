// What the demo:* scripts share: their command line (with --help and a usage text) and the
// database they fill, refused in production and prepared (migrated) first.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { prepareDatabase } from '../src/app.js';
import { loadConfig, openDatabase, redactUrl, type Database } from '../src/kernel/index.js';
import { fail } from './run-script.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'];

/** The options given, or null when --help printed the usage; a wrong option ends the script with the usage. */
export function demoArguments<const O extends Options>(usage: string, options: O): Values<O> | null {
  let values: Values<O> & { help?: boolean };
  try {
    values = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h', default: false } }, strict: true })
      .values as Values<O> & { help?: boolean };
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return null;
  }
  return values;
}

/** A number option within `min`–`max` (a whole one unless `whole` is false), or `fallback` when not given. */
export function numberArgument(
  usage: string,
  name: string,
  value: string | undefined,
  fallback: number,
  range: { min: number; max: number; whole?: boolean },
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  const whole = range.whole ?? true;
  if (!(whole ? Number.isInteger(parsed) : Number.isFinite(parsed)) || parsed < range.min || parsed > range.max)
    fail(`--${name} must be a ${whole ? 'whole number' : 'number'} from ${range.min} to ${range.max} (got "${value}").\n\n${usage}`);
  return parsed;
}

/**
 * Opens the configured database (never in production: `refusal` says what is for demos only),
 * prepares it and runs `fill`; `where` names the database for the messages.
 */
export async function withDemoDatabase(refusal: string, fill: (database: Database, where: string) => Promise<void>): Promise<void> {
  const config = loadConfig();
  if (config.mode === 'production')
    fail(`KNUTEPUNKT_MODE is production: ${refusal} for demos and benchmarks, never for a production database.`);
  const where =
    config.database.kind === 'pglite'
      ? `the embedded database in ${config.database.dataDir}`
      : `PostgreSQL at ${redactUrl(config.database.url)}`;
  // Takes the data folder's lock: a running server holds it, and this stops here touching nothing.
  const database = await openDatabase(config.database);
  try {
    await prepareDatabase(database, config.mode);
    await fill(database, where);
  } finally {
    await database.close();
  }
}
