// How the org chart goes on paper: one page when it is readable on one, otherwise tiles at a
// readable scale that overlap a little, with corner marks where the next page starts, each page
// numbered with its row and column, and page 1 a map of the pages over the whole chart. Every
// page carries the title, the date and the scope. Pure (the pictures come in as JPEG bytes).
import { PdfDocument, paperSizes, textWidth, type PaperSize, type PdfPage, type Rgb } from './pdf-writer';

/** Points per chart pixel that keep a box's text readable on paper (a box is then about 4 cm wide). */
const readableScale = 0.5;
/** A chart that fits is not blown up beyond this. */
const largestScale = 0.75;
const margin = 28;
const headerHeight = 50;
/** Neighbouring tiles share this much of the chart (points). */
export const overlap = 16;
const grey: Rgb = [0.45, 0.45, 0.45];

export type Region = { x: number; y: number; width: number; height: number };
export type Tile = Region & { row: number; column: number };

export type PrintPlan = {
  paper: { width: number; height: number };
  /** Points per chart pixel. */
  scale: number;
  tiles: Tile[];
  rows: number;
  columns: number;
  /** Page 1 is a map of the pages (only when the chart takes more than one). */
  withMap: boolean;
  pageCount: number;
  /** Where the chart goes on a page. */
  area: Region;
};

export type PrintHeading = {
  title: string;
  /** Smaller lines under the title: the date made and the scope. */
  lines: string[];
  /** «Side {page} av {pages}», and with the row and column for a tile. */
  pageLabel: (page: number, pages: number, tile?: { row: number; column: number }) => string;
  /** Page 1's explanation of the map. */
  mapNote: (pages: number) => string;
};

/** Splits a chart of `width` × `height` px over pages of `paperSize`. */
export function planPrint(width: number, height: number, paperSize: PaperSize): PrintPlan {
  const paper = paperSizes[paperSize];
  const area: Region = {
    x: margin,
    y: margin + headerHeight,
    width: paper.width - margin * 2,
    height: paper.height - margin * 2 - headerHeight,
  };
  const fit = Math.min(area.width / Math.max(width, 1), area.height / Math.max(height, 1));
  if (fit >= readableScale) {
    return {
      paper,
      scale: Math.min(fit, largestScale),
      tiles: [{ x: 0, y: 0, width, height, row: 1, column: 1 }],
      rows: 1,
      columns: 1,
      withMap: false,
      pageCount: 1,
      area,
    };
  }
  const scale = readableScale;
  const tileWidth = area.width / scale;
  const tileHeight = area.height / scale;
  const stepX = tileWidth - overlap / scale;
  const stepY = tileHeight - overlap / scale;
  const columns = width <= tileWidth ? 1 : Math.ceil((width - tileWidth) / stepX) + 1;
  const rows = height <= tileHeight ? 1 : Math.ceil((height - tileHeight) / stepY) + 1;
  const tiles: Tile[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const x = column * stepX;
      const y = row * stepY;
      tiles.push({
        x,
        y,
        width: Math.min(tileWidth, width - x),
        height: Math.min(tileHeight, height - y),
        row: row + 1,
        column: column + 1,
      });
    }
  }
  return { paper, scale, tiles, rows, columns, withMap: true, pageCount: tiles.length + 1, area };
}

export type Jpeg = { data: Uint8Array; width: number; height: number };

/**
 * The PDF: `tileImages` in the plan's order, `overview` the whole chart for the map (when there
 * is one). `onPage` is told as each page is added.
 */
export function buildChartPdf(plan: PrintPlan, heading: PrintHeading, tileImages: Jpeg[], overview: Jpeg | null): Uint8Array {
  const pdf = new PdfDocument({ title: heading.title, subject: heading.lines.join(' · '), creator: 'Knutepunkt' });
  const { paper, area, scale } = plan;
  const pages = plan.pageCount;
  let pageNumber = 0;

  const header = (page: PdfPage, tile?: Tile) => {
    pageNumber += 1;
    page.text(clip(heading.title, area.width - 150, 14, 'bold'), margin, margin + 12, 14, { font: 'bold' });
    heading.lines.forEach((line, i) => page.text(clip(line, area.width, 8.5), margin, margin + 27 + i * 11, 8.5, { colour: grey }));
    page.text(heading.pageLabel(pageNumber, pages, tile), paper.width - margin, margin + 12, 9, { align: 'right', colour: grey });
  };

  if (plan.withMap && overview) {
    const page = pdf.addPage(paper.width, paper.height);
    header(page);
    const noteLines = wrapPdf(heading.mapNote(pages), area.width, 9);
    noteLines.forEach((line, i) => page.text(line, margin, area.y + 10 + i * 12, 9));
    const top = area.y + 10 + noteLines.length * 12 + 6;
    const chartWidth = Math.max(...plan.tiles.map((t) => t.x + t.width));
    const chartHeight = Math.max(...plan.tiles.map((t) => t.y + t.height));
    const k = Math.min(area.width / chartWidth, (paper.height - margin - top) / chartHeight);
    const left = margin + (area.width - chartWidth * k) / 2;
    page.image(pdf.addJpeg(overview.data, overview.width, overview.height), left, top, chartWidth * k, chartHeight * k);
    page.rect(left, top, chartWidth * k, chartHeight * k, { stroke: grey, lineWidth: 0.5 });
    plan.tiles.forEach((tile, i) => {
      const x = left + tile.x * k;
      const y = top + tile.y * k;
      page.rect(x, y, tile.width * k, tile.height * k, { stroke: [0.1, 0.3, 0.7], lineWidth: 0.8 });
      const size = Math.max(7, Math.min(20, tile.height * k * 0.4, tile.width * k * 0.4));
      page.text(String(i + 2), x + (tile.width * k) / 2, y + (tile.height * k) / 2 + size / 3, size, {
        font: 'bold',
        align: 'centre',
        colour: [0.1, 0.3, 0.7],
      });
    });
  }

  plan.tiles.forEach((tile, i) => {
    const page = pdf.addPage(paper.width, paper.height);
    header(page, plan.withMap ? tile : undefined);
    const image = tileImages[i]!;
    const width = tile.width * scale;
    const height = tile.height * scale;
    page.image(pdf.addJpeg(image.data, image.width, image.height), area.x, area.y, width, height);
    if (!plan.withMap) return;
    page.rect(area.x, area.y, width, height, { stroke: [0.8, 0.8, 0.8], lineWidth: 0.5 });
    // Corner marks where the neighbouring page's part begins: lay the pages edge to edge there.
    const marks: [number, number][] = [];
    if (tile.column < plan.columns) marks.push([area.x + width - overlap, area.y], [area.x + width - overlap, area.y + height]);
    if (tile.row < plan.rows) marks.push([area.x, area.y + height - overlap], [area.x + width, area.y + height - overlap]);
    for (const [x, y] of marks) {
      page.line(x - 6, y, x + 6, y, { stroke: [0.8, 0.1, 0.1], lineWidth: 0.6 });
      page.line(x, y - 6, x, y + 6, { stroke: [0.8, 0.1, 0.1], lineWidth: 0.6 });
    }
  });
  return pdf.toBytes();
}

function clip(text: string, width: number, size: number, font: 'regular' | 'bold' = 'regular'): string {
  if (textWidth(text, size, font) <= width) return text;
  let end = text.length;
  while (end > 0 && textWidth(`${text.slice(0, end)}…`, size, font) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

function wrapPdf(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, size) <= width || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
