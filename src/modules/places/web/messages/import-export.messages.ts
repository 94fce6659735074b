// The places module's text: import and export.
// Bokmål is the source: its keys define the type, and English must have exactly the same keys.

export const importExportNb = {
  'importExport.title': 'Import og eksport av steder og tjenester',
  'importExport.lead':
    'Last ned kommunedeler, knutepunkter, bygg, tjenester og dekning som JSON, Excel eller CSV for en dato, eller les dem inn fra en fil. En import prøves alltid først, og ingenting endres før du har sett over prøveimporten og velger «Importer». Da lagres alt eller ingenting.',
  'importExport.format': 'Kolonnene og reglene står i beskrivelsen av filformatet (docs/formats/places.md).',

  'entity.districts': 'Kommunedeler',
  'entity.hubs': 'Knutepunkter',
  'entity.sites': 'Bygg',
  'entity.services': 'Tjenester',
  'entity.coverage': 'Dekning',

  'import.help':
    'Velg filen og prøv importen. Du ser hva som blir nytt og endret, og hvert problem med rad og kolonne, før noe lagres. En kolonne som ikke er med i filen, og en tom celle, lar verdien stå som den er. Skriv (tøm) i cellen for å tømme et felt.',
  'import.noAccess': 'Du kan laste ned, men trenger redigeringstilgang for steder og tjenester for å importere.',
  'import.wholeMunicipality':
    'Du kan laste ned. En import kan endre hele kommunen, og du kan bare endre det som hører til ditt område av organisasjonen. Be en administrator om å importere.',
  'import.validFrom': 'Importdato',
  'import.validFromHelp':
    'Det som finnes fra før, endres fra denne datoen. Nye rader gjelder fra sin egen «validFrom», eller fra denne datoen hvis den er tom.',

  'importReport.dryRunHeading': 'Prøveimport av «{name}»',
  'importReport.appliedHeading': 'Import av «{name}»',
  'importReport.summary': 'Importdato {date}. Nye: {created}. Endres: {changed}. Uendret: {unchanged}.',
  'importReport.appliedSummary': 'Importdato {date}. Nye: {created}. Endret: {changed}. Uendret: {unchanged}.',
  'importReport.applied': 'Importen er gjennomført: {created} nye og {changed} endret.',
  'importReport.refused': 'Importen ble ikke gjort, og ingenting er endret.',
  'importReport.problemOne': 'Filen har ett problem. Den kan ikke importeres før det er rettet: rett det i filen og last den opp på nytt.',
  'importReport.problems':
    'Filen har {count} problemer. Den kan ikke importeres før de er rettet: rett dem i filen og last den opp på nytt.',
  'importReport.ready': 'Ingen problemer. Se over endringene og velg «Importer».',
  'importReport.nothing': 'Filen stemmer med det som er registrert. Ingenting blir endret.',
  'importReport.countsCaption': 'Rader per type',
  'importReport.noRows': 'filen har ingen rader',
  'importReport.entity': 'Type',
  'importReport.rows': 'Rader',
  'importReport.created': 'Nye',
  'importReport.changed': 'Endres',
  'importReport.unchanged': 'Uendret',
  'importReport.problemsCaption': 'Problemer',
  'importReport.row': 'Rad',
  'importReport.column': 'Kolonne',
  'importReport.problem': 'Problem',
  'importReport.wholeFile': 'Hele filen',
  'importReport.changesCaption': 'Endringer som blir gjort',
  'importReport.changesDoneCaption': 'Endringer som ble gjort',
  'importReport.noChanges': 'ingen',
  'importReport.key': 'Nøkkel',
  'importReport.action': 'Hva skjer',
  'importReport.actionCreate': 'Ny',
  'importReport.actionChange': 'Endres',
  'importReport.columns': 'Endringer (gammel → ny)',
  'importReport.left': 'Blir stående som før',
  'importReport.fieldChanged': '{column}: «{before}» → «{after}»',
  'importReport.fieldSet': '{column}: ingen verdi → «{after}»',
  'importReport.fieldCleared': '{column}: «{before}» → tømmes',
  'importReport.baseChanged':
    'Stedene er endret etter prøveimporten, så den viser ikke lenger hva importen vil gjøre. Prøv importen på nytt.',
};

export const importExportEn: Record<keyof typeof importExportNb, string> = {
  'importExport.title': 'Import and export of places and services',
  'importExport.lead':
    'Download districts, hubs, buildings, services and coverage as JSON, Excel or CSV for a date, or read them from a file. An import is always tried first, and nothing changes until you choose "Import". Then everything is saved, or nothing.',
  'importExport.format': 'The columns and rules are in the description of the file format (docs/formats/places.md).',

  'entity.districts': 'Districts',
  'entity.hubs': 'Hubs',
  'entity.sites': 'Buildings',
  'entity.services': 'Services',
  'entity.coverage': 'Coverage',

  'import.help':
    'Choose the file and try the import. You see what is new and what changes, and every problem with its row and column, before anything is saved. A column that is not in the file, and an empty cell, leave the value as it is. Write (tøm) in the cell to clear a field.',
  'import.noAccess': 'You can download, but need edit access to places and services to import.',
  'import.wholeMunicipality':
    'You can download. An import can change the whole municipality, and you may only change what belongs to your area of the organisation. Ask an administrator to import.',
  'import.validFrom': 'Import date',
  'import.validFromHelp':
    'What already exists is changed from this date. New rows hold from their own "validFrom", or from this date when it is empty.',

  'importReport.dryRunHeading': 'Dry run of "{name}"',
  'importReport.appliedHeading': 'Import of "{name}"',
  'importReport.summary': 'Import date {date}. New: {created}. Changes: {changed}. Unchanged: {unchanged}.',
  'importReport.appliedSummary': 'Import date {date}. New: {created}. Changed: {changed}. Unchanged: {unchanged}.',
  'importReport.applied': 'The import is done: {created} new and {changed} changed.',
  'importReport.refused': 'The import was not carried out, and nothing was changed.',
  'importReport.problemOne':
    'The file has one problem. It cannot be imported until it is corrected: correct it in the file and upload it again.',
  'importReport.problems':
    'The file has {count} problems. It cannot be imported until they are corrected: correct them in the file and upload it again.',
  'importReport.ready': 'No problems. Review the changes and choose "Import".',
  'importReport.nothing': 'The file matches what is recorded. Nothing will change.',
  'importReport.countsCaption': 'Rows per kind',
  'importReport.noRows': 'the file has no rows',
  'importReport.entity': 'Kind',
  'importReport.rows': 'Rows',
  'importReport.created': 'New',
  'importReport.changed': 'Changes',
  'importReport.unchanged': 'Unchanged',
  'importReport.problemsCaption': 'Problems',
  'importReport.row': 'Row',
  'importReport.column': 'Column',
  'importReport.problem': 'Problem',
  'importReport.wholeFile': 'The whole file',
  'importReport.changesCaption': 'Changes to be made',
  'importReport.changesDoneCaption': 'Changes made',
  'importReport.noChanges': 'none',
  'importReport.key': 'Key',
  'importReport.action': 'What happens',
  'importReport.actionCreate': 'New',
  'importReport.actionChange': 'Changes',
  'importReport.columns': 'Changes (old → new)',
  'importReport.left': 'Left as it is',
  'importReport.fieldChanged': '{column}: "{before}" → "{after}"',
  'importReport.fieldSet': '{column}: no value → "{after}"',
  'importReport.fieldCleared': '{column}: "{before}" → cleared',
  'importReport.baseChanged': 'Places have changed since the dry run, so it no longer shows what the import will do. Try the import again.',
};
