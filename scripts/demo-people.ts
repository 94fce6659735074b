// `npm run demo:people -- [--scale N] [--units M] [--seed S] [--remove]`: fills the organisation
// with fictitious people for demos and benchmarks, on the embedded database (DATA_DIR) or on
// DATABASE_URL. Stop the server first: the data folder's lock refuses a second process.
//
//   --scale N   employees: scale 1 is a municipality of about 100 000 inhabitants (Nye Drammen):
//               about 6 200 employees spread over the units by their kind (a school or a home-care
//               unit gets many, a staff function a few), each with a personnel line to the unit's
//               leader. Every vacant position (leaders first) also gets a person. Default 1;
//               0 fills the vacant positions only; 0.5, 2, … scale the employees.
//   --units M   also clones the unit tree below level 2 until there are about M × 800 units (the
//               units of such a municipality counting its teams); scale 1 then means M × 6 200
//               employees. `--units 10` is the benchmark organisation: ≈ 8 000 units, ≈ 70 000 positions.
//   --seed S    the same seed gives the same names and part-time shares (default 1).
//   --remove    deletes every synthetic row (keys starting `syntetisk-`).
//
// Everything it adds is fictitious and marked: people have synthetic = true, every key starts with
// `syntetisk-`, the source says so, and all of it holds from the dataset date. Running it again
// with the same options adds nothing; one transaction, so an interrupted run leaves nothing behind.
import { performance } from 'node:perf_hooks';
import type { OrganisationDb } from '../src/modules/organisation/index.js';
import { employeesAtScale1, unitsPerMunicipality } from '../src/modules/organisation/server/synthetic/generate-people.js';
import {
  addSyntheticOrganisation,
  removeSyntheticOrganisation,
  type SyntheticProgress,
} from '../src/modules/organisation/server/synthetic/fill-positions.js';
import { demoArguments, numberArgument, withDemoDatabase } from './demo-common.js';
import { runScript } from './run-script.js';

const usage = `Usage: npm run demo:people -- [--scale N] [--units M] [--seed S] [--remove]
  --scale N  employees; 1 = a municipality of ~100 000 inhabitants (~${employeesAtScale1.toLocaleString('en')} employees). Default 1.
  --units M  clone the units below level 2 to ~M × ${unitsPerMunicipality} units (10 = ~8 000 units, ~70 000 positions).
  --seed S   the same seed gives the same people (default 1).
  --remove   delete every synthetic row (keys starting "syntetisk-").`;

const number = (name: string, value: string | undefined, fallback: number, max: number) =>
  numberArgument(usage, name, value, fallback, { min: 0, max, whole: false });

/** One line that rewrites itself on a terminal; a line per step when the output is a file. */
function progressPrinter(): SyntheticProgress {
  const tty = process.stdout.isTTY;
  let lastStep = '';
  let lastPrint = 0;
  return (step, done, total) => {
    const now = performance.now();
    const finished = done >= total;
    if (tty) {
      if (!finished && now - lastPrint < 100 && step === lastStep) return;
      process.stdout.write(`\r\x1b[K  ${step}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      if (finished) process.stdout.write('\n');
    } else if (finished) {
      process.stdout.write(`  ${step}: ${total.toLocaleString('en')}\n`);
    }
    lastStep = step;
    lastPrint = now;
  };
}

runScript(async () => {
  const args = demoArguments(usage, {
    scale: { type: 'string' },
    units: { type: 'string' },
    seed: { type: 'string' },
    remove: { type: 'boolean', default: false },
  });
  if (!args) return;
  const options = {
    scale: number('scale', args.scale, 1, 100),
    units: number('units', args.units, 0, 50),
    seed: Math.floor(number('seed', args.seed, 1, 2 ** 31)),
  };

  const started = performance.now();
  const progress = progressPrinter();
  await withDemoDatabase('synthetic people are', async (database, where) => {
    const db = database.db as unknown as OrganisationDb;
    if (args.remove) {
      process.stdout.write(`Removing the synthetic people and units from ${where}…\n`);
      const removed = await removeSyntheticOrganisation(db, progress);
      const total = Object.values(removed).reduce((sum, n) => sum + n, 0);
      process.stdout.write(
        total === 0
          ? 'Nothing to remove: there are no synthetic rows.\n'
          : `Removed ${Object.entries(removed)
              .map(([what, n]) => `${n.toLocaleString('en')} ${what}`)
              .join(', ')}.\n`,
      );
    } else {
      process.stdout.write(
        `Adding synthetic people to ${where} (scale ${options.scale}, units ${options.units || 'as in the dataset'}, seed ${options.seed})…\n`,
      );
      const result = await addSyntheticOrganisation(db, options, progress);
      const { summary, inserted } = result;
      if (Object.keys(inserted).length === 0) {
        process.stdout.write('Nothing to add: this scale, these units and this seed were added before.\n');
      } else {
        const n = (value: number | undefined) => (value ?? 0).toLocaleString('en');
        process.stdout.write(
          `Added, as of ${result.date}: ${n(inserted.units)} units (${summary.copies} copies of the tree below level 2), ` +
            `${n(inserted.positions)} positions (${n(summary.employees)} employees), ${n(inserted.people)} people ` +
            `(${n(summary.vacanciesFilled)} in positions that were vacant), ${n(inserted.lines)} reporting lines.\n` +
            `The organisation now has ${n(summary.unitsAfter)} units and ${n(summary.positionsAfter)} positions on ${result.date}.\n`,
        );
      }
    }
  });
  process.stdout.write(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
});
