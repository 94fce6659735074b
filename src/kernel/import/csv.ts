// Reading spreadsheet files the way Norwegian users save them, for every module's imports. CSV as
// RFC 4180 describes it, and as Excel writes it in Norway: UTF-8 (with or without a byte order
// mark), `;` or `,` between fields (whichever the header line uses), fields in double quotes when
// they hold the separator, a quote or a line break, and "" for a quote inside quotes.

/** A message in Norwegian bokmål and English. */
export interface LocalisedText {
  nb: string;
  en: string;
}

const localised = (nb: string, en: string): LocalisedText => ({ nb, en });

/** A file that cannot be read: the message for its user, and the spreadsheet row when there is one. */
export class CsvError extends Error {
  constructor(
    readonly userMessage: LocalisedText,
    readonly row: number | null,
    readonly tooLarge = false,
  ) {
    super(userMessage.en);
    this.name = 'CsvError';
  }
}

/** Text decoded from UTF-8, without a byte order mark. Anything else is refused: it would garble æ, ø and å. */
export function decodeUtf8(bytes: Uint8Array): string {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvError(
      localised(
        'Filen er ikke lagret som UTF-8, så æ, ø og å ville blitt feil. Lagre den på nytt som «CSV UTF-8 (kommadelt)» i Excel, eller som UTF-8 i et annet program.',
        'The file is not saved as UTF-8, so æ, ø and å would come out wrong. Save it again as "CSV UTF-8 (Comma delimited)" in Excel, or as UTF-8 in another program.',
      ),
      null,
    );
  }
  return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
}

/** `;` or `,`: the one the header line has more of outside quotes (`,` when it has neither). */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * The records of a CSV text, each a list of fields, with the spreadsheet row each starts on
 * (a quoted line break keeps a record on its row, as a spreadsheet shows it). Refuses a quote
 * that is never closed and text straight after a closing quote; a quote inside an unquoted field
 * is kept as it is, as spreadsheets do.
 */
export function parseCsv(text: string, separator: ';' | ',' = detectSeparator(text)): { row: number; fields: string[] }[] {
  const records: { row: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let row = 1;
  let line = 1;
  let quoteLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ row, fields });
    fields = [];
    row += 1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === separator) endField();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      endRecord();
    } else if (char === '"' && field.trim() === '' && !wasQuoted) {
      field = '';
      quoted = true;
      quoteLine = line;
    } else if (wasQuoted && (char === ' ' || char === '\t')) {
      continue;
    } else {
      if (wasQuoted) {
        throw new CsvError(
          localised(`Rad ${row}: tekst etter et avsluttende anførselstegn.`, `Row ${row}: text after a closing quote.`),
          row,
        );
      }
      field += char;
    }
  }
  if (quoted) {
    throw new CsvError(
      localised(
        `Rad ${row}: anførselstegnet som begynner på linje ${quoteLine} blir aldri avsluttet.`,
        `Row ${row}: the quote that opens on line ${quoteLine} is never closed.`,
      ),
      row,
    );
  }
  if (field !== '' || wasQuoted || fields.length > 0) endRecord();
  return records;
}

const formulaStart = /^'*[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Whether a spreadsheet would run the text as a formula, after any apostrophes: it starts with =, +,
 * -, @, a tab, a carriage return or a NUL (OWASP «CSV injection», ASVS 5.0 1.2.10), or with the
 * full-width ＝ ＋ － ＠ that Apple Numbers reads as their ASCII twins. The writer neutralises such a
 * text with one more apostrophe (kernel/export/table-export.ts); `restoreFormulaText` takes it off.
 */
export function startsAsFormula(text: string): boolean {
  return formulaStart.test(text);
}

/**
 * Undoes the export's guard against formulas (kernel/export/table-export.ts): a text of apostrophes
 * before a formula character (see `startsAsFormula`) loses one apostrophe, so a neutralised cell comes
 * back as it was. Any other text, with or without an apostrophe, is left as it is.
 */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && startsAsFormula(text) ? text.slice(1) : text;
}
