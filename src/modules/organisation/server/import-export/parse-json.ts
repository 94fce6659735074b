import { importEntities, type ImportEntity, type LocalisedMessage } from '../../import-export.schemas.js';
import { decodeUtf8 } from './parse-csv.js';
import {
  assertRowLimit,
  formatName,
  formatVersion,
  isRealDate,
  message,
  problemAt,
  readJsonRecords,
  type ParsedImport,
} from './organisation-format.js';

export class JsonFileError extends Error {
  constructor(
    readonly userMessage: LocalisedMessage,
    readonly tooLarge = false,
  ) {
    super(userMessage.en);
    this.name = 'JsonFileError';
  }
}

// Sections an export or the built-in dataset may have that an import does not read.
const ignoredSections = new Set(['municipality', 'scenario', 'notes', 'levelExceptions']);

/** A JSON file in the organisation format as parsed rows; a file that is not JSON is refused whole. */
export function readJsonFile(bytes: Uint8Array, fileName: string): ParsedImport {
  let data: unknown;
  const text = decodeUtf8(bytes);
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : '';
    throw new JsonFileError(
      message(
        `Filen er ikke gyldig JSON (${detail}). Kontroller at den er lagret som JSON og ikke er avkortet.`,
        `The file is not valid JSON (${detail}). Check that it is saved as JSON and not cut short.`,
      ),
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new JsonFileError(
      message(
        'JSON-filen skal være ett objekt med listene units, positions, people, assignments og lines.',
        'The JSON file must be one object with the lists units, positions, people, assignments and lines.',
      ),
    );
  }
  const file = data as Record<string, unknown>;
  const problems: ParsedImport['problems'] = [];
  const at = (column: string, msg: LocalisedMessage) => problems.push(problemAt(fileName, null, null, null, column, msg));

  if (file.format !== undefined && file.format !== formatName) {
    at('format', message(`«format» skal være «${formatName}».`, `"format" must be "${formatName}".`));
  }
  if (file.version !== undefined && file.version !== formatVersion) {
    at(
      'version',
      message(
        `Denne versjonen av Knutepunkt leser formatversjon ${formatVersion}, ikke ${String(file.version)}.`,
        `This version of Knutepunkt reads format version ${formatVersion}, not ${String(file.version)}.`,
      ),
    );
  }
  let asOf: string | null = null;
  if (file.asOf !== undefined) {
    if (typeof file.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(file.asOf) && isRealDate(file.asOf)) asOf = file.asOf;
    else at('asOf', message('«asOf» skal være en dato ÅÅÅÅ-MM-DD.', '"asOf" must be a date YYYY-MM-DD.'));
  }
  for (const name of Object.keys(file)) {
    if (!['format', 'version', 'asOf', ...importEntities].includes(name) && !ignoredSections.has(name)) {
      at(name, message(`Ukjent del av filen: «${name}».`, `Unknown part of the file: "${name}".`));
    }
  }

  const total = importEntities.reduce((sum, entity) => sum + (Array.isArray(file[entity]) ? (file[entity] as unknown[]).length : 0), 0);
  assertRowLimit(total, (msg) => {
    throw new JsonFileError(msg, true);
  });
  const sections: ParsedImport['sections'] = {};
  let found = false;
  for (const entity of importEntities) {
    const items = file[entity];
    if (items === undefined) continue;
    found = true;
    if (!Array.isArray(items)) {
      at(entity, message(`«${entity}» skal være en liste.`, `"${entity}" must be a list.`));
      continue;
    }
    sections[entity as ImportEntity] = readJsonRecords(fileName, entity, items, problems);
  }
  if (!found) {
    throw new JsonFileError(
      message(
        'JSON-filen har ingen av listene units, positions, people, assignments og lines.',
        'The JSON file has none of the lists units, positions, people, assignments and lines.',
      ),
    );
  }
  return { format: 'json', fileName, asOf, sections, problems, ignoredSheets: [] };
}
