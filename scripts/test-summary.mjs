// Reads vitest's JSON report and prints the closing line CI looks for: "N passed, N failed".
// Exits non-zero when the report is missing or counts a failure, or no test ran at all.
import fs from 'node:fs';

const [file = '.tmp/test-results.json', exitCode = '0'] = process.argv.slice(2);
if (!fs.existsSync(file)) {
  console.log('The test report is missing: the test command failed before any test ran.');
  console.log(`0 passed, ${exitCode === '0' ? 0 : 1} failed`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// A suite that fails to load counts as a failure even though none of its tests ran.
const failedSuites = (report.testResults ?? []).filter(
  (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
).length;
const failed = (report.numFailedTests ?? 0) + failedSuites;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
