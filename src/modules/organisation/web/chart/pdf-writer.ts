// A small PDF writer for the org chart's print-out: pages of any size, JPEG pictures (the chart,
// drawn by the browser into a canvas), and text in the PDF's built-in Helvetica with WinAnsi
// encoding (æ, ø, å, «» and – are in it), so no font is embedded and nothing is downloaded.
// Coordinates are in points from the page's top-left corner. Pure: runs in Node, a worker or the page.
// Why our own and not jsPDF: docs/decisions/0018-chart-export-pdf.md.

export type PdfFont = 'regular' | 'bold';

/** Paper sizes, landscape, in points (1/72 inch). */
export const paperSizes = {
  a4: { width: 841.89, height: 595.28 },
  a3: { width: 1190.55, height: 841.89 },
} as const;
export type PaperSize = keyof typeof paperSizes;

type Image = { id: number; name: string; data: Uint8Array; width: number; height: number };

/** Helvetica's widths (per 1000 em) for the printable ASCII characters 32–126. */
// prettier-ignore
const asciiWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const otherWidths: Record<string, number> = {
  æ: 889,
  Æ: 1000,
  ø: 611,
  Ø: 778,
  å: 556,
  Å: 667,
  '«': 556,
  '»': 556,
  '–': 556,
  '—': 1000,
  '…': 1000,
};

/** The width of a text in Helvetica at `size` points (bold about 5 % wider). */
export function textWidth(text: string, size: number, font: PdfFont = 'regular'): number {
  let units = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    units += code >= 32 && code <= 126 ? asciiWidths[code - 32]! : (otherWidths[char] ?? 556);
  }
  return (units / 1000) * size * (font === 'bold' ? 1.05 : 1);
}

/** Characters WinAnsi has outside Latin-1's range 0xA0–0xFF. */
const winAnsiExtra: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '™': 0x99,
};

/** A text as WinAnsi bytes in a PDF string literal; characters WinAnsi lacks become «?». */
export function pdfString(text: string): string {
  let result = '(';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const byte = code >= 32 && code <= 126 ? code : code >= 0xa0 && code <= 0xff ? code : (winAnsiExtra[char] ?? 63);
    if (byte === 40 || byte === 41 || byte === 92) result += `\\${String.fromCharCode(byte)}`;
    else if (byte > 126) result += `\\${byte.toString(8).padStart(3, '0')}`;
    else result += String.fromCharCode(byte);
  }
  return `${result})`;
}

/** A text string in UTF-16BE, for the document information (any character). */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

const number = (value: number) => (Math.round(value * 100) / 100).toString();

export type Rgb = [number, number, number];

/** What is drawn on one page; `y` grows downwards from the page's top. */
export class PdfPage {
  readonly operations: string[] = [];
  readonly images = new Set<Image>();
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  text(
    text: string,
    x: number,
    y: number,
    size: number,
    options: { font?: PdfFont; colour?: Rgb; align?: 'left' | 'centre' | 'right' } = {},
  ): this {
    const font = options.font ?? 'regular';
    const width = textWidth(text, size, font);
    const left = options.align === 'centre' ? x - width / 2 : options.align === 'right' ? x - width : x;
    const [r, g, b] = options.colour ?? [0, 0, 0];
    this.operations.push(
      `BT /${font === 'bold' ? 'F2' : 'F1'} ${number(size)} Tf ${number(r)} ${number(g)} ${number(b)} rg ${number(left)} ${number(this.height - y)} Td ${pdfString(text)} Tj ET`,
    );
    return this;
  }

  /** A picture stretched over the rectangle. */
  image(image: Image, x: number, y: number, width: number, height: number): this {
    this.images.add(image);
    this.operations.push(
      `q ${number(width)} 0 0 ${number(height)} ${number(x)} ${number(this.height - y - height)} cm /${image.name} Do Q`,
    );
    return this;
  }

  rect(x: number, y: number, width: number, height: number, options: { stroke?: Rgb; fill?: Rgb; lineWidth?: number } = {}): this {
    const parts = ['q'];
    if (options.fill) parts.push(`${options.fill.map(number).join(' ')} rg`);
    if (options.stroke) parts.push(`${options.stroke.map(number).join(' ')} RG ${number(options.lineWidth ?? 1)} w`);
    parts.push(`${number(x)} ${number(this.height - y - height)} ${number(width)} ${number(height)} re`);
    parts.push(options.fill && options.stroke ? 'B' : options.fill ? 'f' : 'S', 'Q');
    this.operations.push(parts.join(' '));
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, options: { stroke?: Rgb; lineWidth?: number } = {}): this {
    const [r, g, b] = options.stroke ?? [0, 0, 0];
    this.operations.push(
      `q ${number(r)} ${number(g)} ${number(b)} RG ${number(options.lineWidth ?? 0.5)} w ${number(x1)} ${number(this.height - y1)} m ${number(x2)} ${number(this.height - y2)} l S Q`,
    );
    return this;
  }
}

/** Collects pictures and pages, then writes the file. */
export class PdfDocument {
  private readonly pages: PdfPage[] = [];
  private readonly imageList: Image[] = [];

  constructor(private readonly info: { title: string; subject?: string; creator?: string }) {}

  /** A JPEG (baseline, RGB) of `width` × `height` pixels. */
  addJpeg(data: Uint8Array, width: number, height: number): Image {
    const image: Image = { id: 0, name: `Im${this.imageList.length + 1}`, data, width, height };
    this.imageList.push(image);
    return image;
  }

  addPage(width: number, height: number): PdfPage {
    const page = new PdfPage(width, height);
    this.pages.push(page);
    return page;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** The file's bytes. */
  toBytes(): Uint8Array {
    const encoder = new TextEncoder();
    const chunks: Uint8Array[] = [];
    const offsets: number[] = [];
    let length = 0;
    const write = (part: string | Uint8Array) => {
      // Everything but the pictures is ASCII (text is escaped), so the byte count is the length.
      const bytes = typeof part === 'string' ? encoder.encode(part) : part;
      chunks.push(bytes);
      length += bytes.length;
    };
    // Object numbers: 1 catalogue, 2 page tree, 3–4 fonts, 5 information, then pictures, then pages.
    let next = 6;
    for (const image of this.imageList) image.id = next++;
    const pageIds = this.pages.map(() => {
      const id = next;
      next += 2;
      return id;
    });
    const object = (id: number, body: string) => {
      offsets[id] = length;
      write(`${id} 0 obj\n${body}\nendobj\n`);
    };

    write('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n');
    object(1, '<< /Type /Catalog /Pages 2 0 R >>');
    object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
    object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    object(4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
    const info = [`/Title ${pdfTextString(this.info.title)}`, `/Producer ${pdfTextString('Knutepunkt')}`];
    if (this.info.subject) info.push(`/Subject ${pdfTextString(this.info.subject)}`);
    if (this.info.creator) info.push(`/Creator ${pdfTextString(this.info.creator)}`);
    object(5, `<< ${info.join(' ')} >>`);
    for (const image of this.imageList) {
      offsets[image.id] = length;
      write(
        `${image.id} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.data.length} >>\nstream\n`,
      );
      write(image.data);
      write('\nendstream\nendobj\n');
    }
    this.pages.forEach((page, index) => {
      const id = pageIds[index]!;
      const xObjects = [...page.images].map((image) => `/${image.name} ${image.id} 0 R`).join(' ');
      object(
        id,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${number(page.width)} ${number(page.height)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << ${xObjects} >> >> /Contents ${id + 1} 0 R >>`,
      );
      const content = page.operations.join('\n');
      object(id + 1, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    });
    const xref = length;
    let table = `xref\n0 ${next}\n0000000000 65535 f \n`;
    for (let id = 1; id < next; id++) table += `${String(offsets[id] ?? 0).padStart(10, '0')} 00000 n \n`;
    write(`${table}trailer\n<< /Size ${next} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`);

    const result = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      result.set(chunk, at);
      at += chunk.length;
    }
    return result;
  }
}
