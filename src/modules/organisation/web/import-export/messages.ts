// The import and export page's own text, beside the organisation module's dictionary (kept apart so
// two people can add keys without colliding). Bokmål is the source: its keys define the type, and
// the English dictionary must have exactly the same keys. `{name}` is filled in by `t(key, vars)`.

export const importExportNb = {
  'page.title': 'Import og eksport',
  'page.lead':
    'Hent organisasjonen ut som JSON, Excel eller CSV for en dato eller et scenario, eller les inn enheter, stillinger, personer, tilknytninger og rapporteringslinjer fra en fil, for eksempel en eksport fra HR-systemet. En import blir alltid prøvd først, og ingenting endres før du velger «Importer».',
  'page.format': 'Kolonnene og reglene står i beskrivelsen av filformatet (docs/formats/organisation.md).',

  'entity.units': 'Enheter',
  'entity.positions': 'Stillinger',
  'entity.people': 'Personer',
  'entity.assignments': 'Tilknytninger',
  'entity.lines': 'Rapporteringslinjer',

  'export.what': 'Hva skal eksporteres?',
  'export.whatDate': 'Organisasjonen per dato',
  'export.whatScenario': 'Scenario: {name} ({date})',

  'import.noAccess': 'Du trenger redigeringstilgang til organisasjonen for å importere.',
  'import.validFrom': 'Gjelder fra',
  'import.validFromHelp':
    'Enheter og stillinger i filen beskriver dem fra denne datoen. Tilknytninger og linjer kan ha egne datoer i filen.',

  'plan.heading': 'Prøveimport av «{name}»',
  'plan.summary': 'Gjelder fra {date}. Nye: {create}. Endres: {change}. Uendret: {unchanged}.',
  'plan.problemOne':
    'Prøveimporten fant ett problem. Filen kan ikke importeres før det er rettet: rett det i filen og last den opp på nytt.',
  'plan.problems':
    'Prøveimporten fant {count} problemer. Filen kan ikke importeres før de er rettet: rett dem i filen og last den opp på nytt.',
  'plan.problemsLeftOut': '{count} problemer til er ikke vist.',
  'plan.stoppedEarly': 'Prøven stoppet ved det første problemet databasen fant. Det kan være flere.',
  'plan.ready': 'Ingen problemer. Se over endringene og velg «Importer».',
  'plan.nothing': 'Filen stemmer med organisasjonen. Ingenting blir endret.',
  'plan.baseChanged': 'Organisasjonen er endret etter prøveimporten. Prøv importen på nytt før du importerer.',
  'plan.replan': 'Prøv importen på nytt',
  'plan.ignoredSheets': 'Disse arkene ble ikke lest: {names}.',
  'plan.applied': 'Importen er gjennomført: {created} opprettet, {changed} endret, {ended} avsluttet.',

  'counts.caption': 'Rader per type',
  'counts.entity': 'Type',
  'counts.rows': 'Rader',
  'counts.create': 'Nye',
  'counts.change': 'Endres',
  'counts.unchanged': 'Uendret',
  'counts.withProblems': 'Med problemer',
  'counts.notInFile': 'Ikke i filen (beholdes)',

  'problems.caption': 'Problemer',
  'problems.where': 'Fil og ark',
  'problems.row': 'Rad',
  'problems.column': 'Kolonne',
  'problems.message': 'Problem',

  'changes.caption': 'Endringer',
  'changes.empty': 'ingen',
  'changes.entity': 'Type',
  'changes.row': 'Rad',
  'changes.action': 'Hva skjer',
  'changes.label': 'Nøkkel',
  'changes.fields': 'Verdier (før → etter)',
  'action.create': 'Ny',
  'action.change': 'Endres',
  'action.end': 'Avsluttes',
  'value.empty': '(tom)',
} as const;

export type ImportExportKey = keyof typeof importExportNb;
export type ImportExportMessages = Record<ImportExportKey, string>;

export const importExportEn: ImportExportMessages = {
  'page.title': 'Import and export',
  'page.lead':
    'Download the organisation as JSON, Excel or CSV for a date or a scenario, or read units, positions, people, assignments and reporting lines from a file, such as an export from the HR system. An import is always tried first, and nothing changes until you choose "Import".',
  'page.format': 'The columns and rules are in the description of the file format (docs/formats/organisation.md).',

  'entity.units': 'Units',
  'entity.positions': 'Positions',
  'entity.people': 'People',
  'entity.assignments': 'Assignments',
  'entity.lines': 'Reporting lines',

  'export.what': 'What to export?',
  'export.whatDate': 'The organisation on a date',
  'export.whatScenario': 'Scenario: {name} ({date})',

  'import.noAccess': 'You need edit access to the organisation to import.',
  'import.validFrom': 'Valid from',
  'import.validFromHelp':
    'Units and positions in the file describe them from this date. Assignments and lines may have their own dates in the file.',

  'plan.heading': 'Dry run of "{name}"',
  'plan.summary': 'Valid from {date}. New: {create}. Changes: {change}. Unchanged: {unchanged}.',
  'plan.problemOne':
    'The dry run found one problem. The file cannot be imported until it is corrected: correct it in the file and upload it again.',
  'plan.problems':
    'The dry run found {count} problems. The file cannot be imported until they are corrected: correct them in the file and upload it again.',
  'plan.problemsLeftOut': '{count} more problems are not shown.',
  'plan.stoppedEarly': 'The trial stopped at the first problem the database found. There may be more.',
  'plan.ready': 'No problems. Review the changes and choose "Import".',
  'plan.nothing': 'The file matches the organisation. Nothing will change.',
  'plan.baseChanged': 'The organisation has changed since the dry run. Try the import again before importing.',
  'plan.replan': 'Try the import again',
  'plan.ignoredSheets': 'These sheets were not read: {names}.',
  'plan.applied': 'The import is done: {created} created, {changed} changed, {ended} ended.',

  'counts.caption': 'Rows per kind',
  'counts.entity': 'Kind',
  'counts.rows': 'Rows',
  'counts.create': 'New',
  'counts.change': 'Change',
  'counts.unchanged': 'Unchanged',
  'counts.withProblems': 'With problems',
  'counts.notInFile': 'Not in the file (kept)',

  'problems.caption': 'Problems',
  'problems.where': 'File and sheet',
  'problems.row': 'Row',
  'problems.column': 'Column',
  'problems.message': 'Problem',

  'changes.caption': 'Changes',
  'changes.empty': 'none',
  'changes.entity': 'Kind',
  'changes.row': 'Row',
  'changes.action': 'What happens',
  'changes.label': 'Key',
  'changes.fields': 'Values (before → after)',
  'action.create': 'New',
  'action.change': 'Changes',
  'action.end': 'Ends',
  'value.empty': '(empty)',
};
