// JSON-stat 2 datasets (https://json-stat.org/format/), as SSB's statistics API (PxWebApi) returns
// them, read as a stream: the metadata (id, size, dimension, role, extension) is built as small
// objects; the values are never kept as JSON. Values that come before the dimensions are held
// compactly (typed arrays) until the dimensions are known; after that only the values the caller
// selects are kept. Pure: no database, no HTTP.
import { JsonSyntaxError, JsonTokenizer, type JsonHandler, type JsonPrimitive } from './json-tokenizer.js';

export interface Localised {
  nb: string;
  en: string;
}

/** A file that is not a JSON-stat 2 dataset we can read; the message says why, in both languages. */
export class JsonStatError extends Error {
  constructor(readonly userMessage: Localised) {
    super(userMessage.en);
    this.name = 'JsonStatError';
  }
}

export interface JsonStatDimension {
  id: string;
  label: string;
  /** Category codes in index order. */
  codes: string[];
  /** Category labels by code (the code itself when the file has none). */
  labels: Map<string, string>;
}

export interface JsonStatMeta {
  label: string | null;
  ids: string[];
  sizes: number[];
  dimensions: JsonStatDimension[];
  role: { time: string[]; geo: string[]; metric: string[] };
  /** SSB's table id (extension.px.tableid), when the file has it. */
  tableId: string | null;
  /** The number of cells: the product of the sizes. */
  cells: number;
}

/** Per dimension (in `ids` order), which categories to keep: 1 keeps. */
export type Selection = Uint8Array[];

export interface JsonStatResult {
  meta: JsonStatMeta;
  /** How many values the file holds (array form: its length; object form: its entries). */
  valueCount: number;
  /** Values that were null (SSB: missing, with a status such as ".." or ":"). */
  nullCount: number;
  /** The kept values: flat cell index and value, `keptCount` of them. */
  keptIndex: Float64Array;
  keptValue: Float64Array;
  keptCount: number;
}

export interface JsonStatOptions {
  /** Called once, as soon as the metadata is known: which cells to keep. Throw JsonStatError to refuse the file. */
  select?: (meta: JsonStatMeta) => Selection;
  /** The most cells a dataset may declare (default 50 million). */
  maxCells?: number;
}

const msg = (nb: string, en: string): Localised => ({ nb, en });
const notDataset = (nb: string, en: string) =>
  new JsonStatError(msg(`Filen er ikke et JSON-stat 2-datasett: ${nb}`, `The file is not a JSON-stat 2 dataset: ${en}`));

/** A growable pair of typed arrays. */
class CellBuffer {
  index = new Float64Array(1024);
  value = new Float64Array(1024);
  count = 0;
  push(index: number, value: number): void {
    if (this.count === this.index.length) {
      const size = this.index.length * 2;
      const index2 = new Float64Array(size);
      index2.set(this.index);
      const value2 = new Float64Array(size);
      value2.set(this.value);
      this.index = index2;
      this.value = value2;
    }
    this.index[this.count] = index;
    this.value[this.count] = value;
    this.count += 1;
  }
}

type Mode = 'root' | 'build' | 'skip' | 'valueArray' | 'valueObject';

export class JsonStatReader implements JsonHandler {
  private readonly tokenizer: JsonTokenizer;
  private depth = 0;
  private mode: Mode = 'root';
  private topKey: string | null = null;
  private readonly top = new Map<string, unknown>();
  // The generic builder for metadata subtrees.
  private buildStack: { container: Record<string, unknown> | unknown[]; key: string | null }[] = [];
  private buildRoot: unknown = undefined;
  private buildNodes = 0;
  // Values.
  private valueCount = 0;
  private nullCount = 0;
  private valueKey: string | null = null;
  private sawValue = false;
  private pending: CellBuffer | null = new CellBuffer();
  private readonly kept = new CellBuffer();
  private meta: JsonStatMeta | null = null;
  private selection: Selection | null = null;
  private strides: number[] = [];

  constructor(private readonly options: JsonStatOptions = {}) {
    this.tokenizer = new JsonTokenizer(this);
  }

  write(chunk: string): void {
    try {
      this.tokenizer.write(chunk);
    } catch (error) {
      throw translate(error);
    }
  }

  end(): JsonStatResult {
    try {
      this.tokenizer.end();
    } catch (error) {
      throw translate(error);
    }
    if (!this.meta) this.tryMeta(true);
    const meta = this.meta!;
    if (!this.sawValue) throw notDataset('«value» mangler.', '"value" is missing.');
    if (this.valueForm === 'array' && this.valueCount !== meta.cells) {
      throw new JsonStatError(
        msg(
          `Filen har ${this.valueCount} verdier, men dimensjonene (${meta.sizes.join(' × ')}) gir ${meta.cells}. Filen er ufullstendig eller ødelagt.`,
          `The file has ${this.valueCount} values, but the dimensions (${meta.sizes.join(' × ')}) make ${meta.cells}. The file is incomplete or damaged.`,
        ),
      );
    }
    return {
      meta,
      valueCount: this.valueCount,
      nullCount: this.nullCount,
      keptIndex: this.kept.index,
      keptValue: this.kept.value,
      keptCount: this.kept.count,
    };
  }

  // ---- JsonHandler ----
  startObject(): void {
    this.open(true);
  }
  startArray(): void {
    this.open(false);
  }
  endObject(): void {
    this.close();
  }
  endArray(): void {
    this.close();
  }

  key(name: string): void {
    if (this.depth === 1) {
      this.topKey = name;
      if (this.top.has(name) || (name === 'value' && this.sawValue))
        throw notDataset(`«${name}» står to ganger.`, `"${name}" appears twice.`);
      return;
    }
    if (this.mode === 'build') {
      this.buildStack[this.buildStack.length - 1]!.key = name;
    } else if (this.mode === 'valueObject' && this.depth === 2) {
      this.valueKey = name;
    }
  }

  value(value: JsonPrimitive): void {
    if (this.depth === 0) throw notDataset('filen er ikke et objekt.', 'the file is not an object.');
    if (this.depth === 1) {
      if (this.topKey === 'value')
        throw notDataset('«value» er verken en liste eller et objekt.', '"value" is neither an array nor an object.');
      this.top.set(this.topKey!, value);
      this.afterTop();
      return;
    }
    switch (this.mode) {
      case 'build':
        this.addBuilt(value);
        return;
      case 'valueArray':
        if (this.depth === 2) this.addValue(this.valueCount, value);
        return;
      case 'valueObject':
        if (this.depth === 2) {
          const index = Number(this.valueKey);
          if (!/^\d+$/.test(this.valueKey ?? ''))
            throw notDataset(
              `«value» har nøkkelen «${this.valueKey}», som ikke er et tall.`,
              `"value" has the key "${this.valueKey}", which is not a number.`,
            );
          this.addValue(index, value);
        }
        return;
      default:
        return;
    }
  }

  // ---- structure ----
  private open(isObject: boolean): void {
    this.depth += 1;
    if (this.depth === 1) {
      if (!isObject) throw notDataset('filen er en liste, ikke et objekt.', 'the file is an array, not an object.');
      return;
    }
    if (this.depth === 2) {
      const key = this.topKey!;
      if (key === 'value') {
        this.sawValue = true;
        this.mode = isObject ? 'valueObject' : 'valueArray';
        this.valueKey = null;
        this.valueForm = isObject ? 'object' : 'array';
        return;
      }
      if (key === 'status') {
        this.mode = 'skip';
        return;
      }
      this.mode = 'build';
      this.buildRoot = isObject ? {} : [];
      this.buildStack = [{ container: this.buildRoot as Record<string, unknown> | unknown[], key: null }];
      return;
    }
    if ((this.mode === 'valueArray' || this.mode === 'valueObject') && this.depth === 3) {
      throw notDataset(
        '«value» inneholder lister eller objekter; verdiene skal være tall eller null.',
        '"value" holds arrays or objects; values must be numbers or null.',
      );
    }
    if (this.mode === 'build') {
      const container = isObject ? {} : [];
      this.addBuilt(container);
      this.buildStack.push({ container, key: null });
    }
  }

  private valueForm: 'array' | 'object' | null = null;

  private close(): void {
    if (this.mode === 'build' && this.depth > 2) this.buildStack.pop();
    this.depth -= 1;
    if (this.depth === 1) {
      if (this.mode === 'build') this.top.set(this.topKey!, this.buildRoot);
      this.mode = 'root';
      this.buildRoot = undefined;
      this.buildStack = [];
      this.afterTop();
    }
  }

  private addBuilt(value: unknown): void {
    this.buildNodes += 1;
    if (this.buildNodes > 2_000_000) throw notDataset('metadataene er for store.', 'the metadata is too large.');
    const top = this.buildStack[this.buildStack.length - 1]!;
    if (Array.isArray(top.container)) top.container.push(value);
    else if (top.key !== null) {
      if (top.key === '__proto__') return;
      top.container[top.key] = value;
    }
  }

  private afterTop(): void {
    if (!this.meta) this.tryMeta(false);
  }

  // ---- values ----
  private addValue(index: number, value: JsonPrimitive): void {
    if (value !== null && typeof value !== 'number') {
      throw notDataset(
        `verdi nr. ${index + 1} er ${JSON.stringify(value)}, ikke et tall eller null.`,
        `value no. ${index + 1} is ${JSON.stringify(value)}, not a number or null.`,
      );
    }
    if (value !== null && !Number.isFinite(value))
      throw notDataset(`verdi nr. ${index + 1} er for stor.`, `value no. ${index + 1} is too large.`);
    this.valueCount += 1;
    if (value === null) {
      this.nullCount += 1;
      return;
    }
    if (this.meta) {
      if (index >= this.meta.cells) this.outOfRange(index);
      if (this.keep(index)) this.kept.push(index, value);
    } else {
      if (this.valueCount > (this.options.maxCells ?? 50_000_000))
        throw notDataset('filen har for mange verdier.', 'the file has too many values.');
      this.pending!.push(index, value);
    }
  }

  private outOfRange(index: number): never {
    throw new JsonStatError(
      msg(
        `Verdi nr. ${index + 1} ligger utenfor dimensjonene (${this.meta!.sizes.join(' × ')} = ${this.meta!.cells} celler). Filen er ufullstendig eller ødelagt.`,
        `Value no. ${index + 1} lies outside the dimensions (${this.meta!.sizes.join(' × ')} = ${this.meta!.cells} cells). The file is incomplete or damaged.`,
      ),
    );
  }

  private keep(index: number): boolean {
    const selection = this.selection;
    if (!selection) return true;
    const sizes = this.meta!.sizes;
    for (let k = 0; k < sizes.length; k += 1) {
      const coordinate = Math.floor(index / this.strides[k]!) % sizes[k]!;
      if (selection[k]![coordinate] !== 1) return false;
    }
    return true;
  }

  /** Builds the metadata once id, size and dimension are all read (or at the end, when they must be). */
  private tryMeta(atEnd: boolean): void {
    if (!atEnd && !(this.top.has('id') && this.top.has('size') && this.top.has('dimension'))) return;
    const meta = readMeta(this.top, this.options.maxCells ?? 50_000_000);
    this.meta = meta;
    const strides = new Array<number>(meta.sizes.length);
    let stride = 1;
    for (let k = meta.sizes.length - 1; k >= 0; k -= 1) {
      strides[k] = stride;
      stride *= meta.sizes[k]!;
    }
    this.strides = strides;
    this.selection = this.options.select ? this.options.select(meta) : null;
    const pending = this.pending!;
    this.pending = null;
    for (let i = 0; i < pending.count; i += 1) {
      const index = pending.index[i]!;
      if (index >= meta.cells) this.outOfRange(index);
      if (this.keep(index)) this.kept.push(index, pending.value[i]!);
    }
  }
}

function translate(error: unknown): unknown {
  if (error instanceof JsonSyntaxError) {
    return new JsonStatError(
      msg(
        `Filen er ikke gyldig JSON (${error.reason}, ved tegn ${error.position}). Last ned filen på nytt fra SSB som JSON-stat 2.`,
        `The file is not valid JSON (${error.reason}, at character ${error.position}). Download the file again from SSB as JSON-stat 2.`,
      ),
    );
  }
  return error;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Checks the dataset's shape (class, version, id, size, dimension) and reads its metadata. */
export function readMeta(top: Map<string, unknown>, maxCells: number): JsonStatMeta {
  const cls = top.get('class');
  if (cls !== 'dataset')
    throw notDataset(
      `«class» er ${cls === undefined ? 'ikke oppgitt' : JSON.stringify(cls)}, ikke «dataset».`,
      `"class" is ${cls === undefined ? 'missing' : JSON.stringify(cls)}, not "dataset".`,
    );
  const version = top.get('version');
  if (typeof version !== 'string' || !/^2(\.|$)/.test(version)) {
    throw notDataset(
      `«version» er ${version === undefined ? 'ikke oppgitt' : JSON.stringify(version)}, ikke «2.0».`,
      `"version" is ${version === undefined ? 'missing' : JSON.stringify(version)}, not "2.0".`,
    );
  }
  const ids = top.get('id');
  const sizes = top.get('size');
  const dimension = top.get('dimension');
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string'))
    throw notDataset('«id» mangler eller er ikke en liste med navn.', '"id" is missing or not a list of names.');
  if (!Array.isArray(sizes) || !sizes.every((s) => Number.isInteger(s) && (s as number) >= 0))
    throw notDataset('«size» mangler eller er ikke en liste med heltall.', '"size" is missing or not a list of whole numbers.');
  if (sizes.length !== ids.length)
    throw notDataset(
      `«id» har ${ids.length} dimensjoner, men «size» har ${sizes.length}.`,
      `"id" has ${ids.length} dimensions but "size" has ${sizes.length}.`,
    );
  if (!isObject(dimension)) throw notDataset('«dimension» mangler.', '"dimension" is missing.');
  let cells = 1;
  for (const size of sizes as number[]) cells *= size;
  if (cells > maxCells)
    throw notDataset(
      `datasettet har ${cells} celler; grensen er ${maxCells}.`,
      `the dataset has ${cells} cells; the limit is ${maxCells}.`,
    );

  const dimensions = (ids as string[]).map((id, k): JsonStatDimension => {
    const dim = dimension[id];
    if (!isObject(dim) || !isObject(dim.category))
      throw notDataset(`dimensjonen «${id}» mangler eller har ingen «category».`, `the dimension "${id}" is missing or has no "category".`);
    const category = dim.category;
    const labelObject = isObject(category.label) ? category.label : {};
    let codes: string[];
    if (Array.isArray(category.index)) codes = asStrings(category.index);
    else if (isObject(category.index)) {
      const entries = Object.entries(category.index);
      codes = new Array<string>(entries.length);
      for (const [code, position] of entries) {
        if (
          !Number.isInteger(position) ||
          (position as number) < 0 ||
          (position as number) >= entries.length ||
          codes[position as number] !== undefined
        ) {
          throw notDataset(
            `dimensjonen «${id}» har en ugyldig indeks for «${code}».`,
            `the dimension "${id}" has an invalid index for "${code}".`,
          );
        }
        codes[position as number] = code;
      }
    } else codes = Object.keys(labelObject); // the spec allows a single category with only a label
    const size = (sizes as number[])[k]!;
    if (codes.length !== size) {
      throw notDataset(
        `dimensjonen «${id}» har ${codes.length} kategorier, men «size» sier ${size}.`,
        `the dimension "${id}" has ${codes.length} categories, but "size" says ${size}.`,
      );
    }
    const labels = new Map<string, string>();
    for (const code of codes) {
      const label = labelObject[code];
      labels.set(code, typeof label === 'string' && label.trim() ? label : code);
    }
    return { id, label: typeof dim.label === 'string' ? dim.label : id, codes, labels };
  });
  const role = isObject(top.get('role')) ? (top.get('role') as Record<string, unknown>) : {};
  const extension = top.get('extension');
  const px = isObject(extension) && isObject(extension.px) ? extension.px : null;
  const label = top.get('label');
  return {
    label: typeof label === 'string' ? label : null,
    ids: ids as string[],
    sizes: sizes as number[],
    dimensions,
    role: { time: asStrings(role.time), geo: asStrings(role.geo), metric: asStrings(role.metric) },
    tableId: px && (typeof px.tableid === 'string' || typeof px.tableid === 'number') ? String(px.tableid) : null,
    cells,
  };
}

/** Reads a whole dataset from text chunks (tests and small files). */
export function readJsonStat(chunks: Iterable<string>, options: JsonStatOptions = {}): JsonStatResult {
  const reader = new JsonStatReader(options);
  for (const chunk of chunks) reader.write(chunk);
  return reader.end();
}
