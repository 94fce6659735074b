import { describe, expect, it } from 'vitest';
import { buildChartPdf, planPrint, type PrintHeading } from './chart-print';
import { PdfDocument, paperSizes, pdfString, textWidth } from './pdf-writer';

/** The smallest baseline JPEG header is not needed: the writer copies the bytes as they are. */
const fakeJpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x28, 0x29, 0x5c, 0x0a, 0xff, 0xd9]);

const winAnsi: Record<number, string> = { 0x85: '…', 0x96: '–', 0x97: '—', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”' };

/** Reads a PDF string literal's bytes back as WinAnsi text. */
function readString(literal: string): string {
  let text = '';
  for (let i = 0; i < literal.length; i++) {
    const char = literal[i]!;
    if (char !== '\\') {
      text += char;
      continue;
    }
    const octal = /^[0-7]{3}/.exec(literal.slice(i + 1))?.[0];
    if (octal) {
      const code = parseInt(octal, 8);
      text += winAnsi[code] ?? String.fromCharCode(code);
      i += 3;
    } else {
      text += literal[i + 1];
      i += 1;
    }
  }
  return text;
}

/** What a PDF reader needs: the cross-reference table points at each object, the page tree, the texts. */
function parse(bytes: Uint8Array) {
  // One character a byte, so offsets in the text are offsets in the file.
  const file = new TextDecoder('latin1').decode(bytes);
  expect(file.startsWith('%PDF-1.4\n')).toBe(true);
  expect(file.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(file)![1]);
  expect(file.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(file.slice(startxref))!;
  expect(Number(first)).toBe(0);
  const entries = file
    .slice(startxref)
    .split('\n')
    .slice(3, 2 + Number(count));
  entries.forEach((entry, i) => {
    const offset = Number(entry.slice(0, 10));
    expect(file.slice(offset, offset + `${i + 1} 0 obj`.length), `object ${i + 1}`).toBe(`${i + 1} 0 obj`);
  });
  // Stream lengths are right: «endstream» follows each stream's declared length.
  for (const match of file.matchAll(/\/Length (\d+)[^\n]*>>\nstream\n/g)) {
    const start = match.index + match[0].length;
    expect(file.slice(start + Number(match[1]), start + Number(match[1]) + 10)).toBe('\nendstream');
  }
  const pages = [...file.matchAll(/\/Type \/Page \/Parent 2 0 R \/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  const treeCount = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(file)![1]);
  const texts = [...file.matchAll(/\((.*?)(?<!\\)\) Tj/g)].map((m) => readString(m[1]!));
  const titleHex = /\/Title <FEFF([0-9A-F]*)>/.exec(file)![1]!;
  const title = String.fromCharCode(...(titleHex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  return { pages, treeCount, texts, title, file };
}

describe('the PDF writer', () => {
  it('writes pages of A3 and A4 landscape with the title in Helvetica, æ, ø and å included', () => {
    const pdf = new PdfDocument({ title: 'Organisasjonskart for Bragernes og Øren – skolene per 7. desember 2026' });
    const tile = pdf.addJpeg(fakeJpeg, 400, 300);
    const a3 = pdf.addPage(paperSizes.a3.width, paperSizes.a3.height);
    a3.text('Organisasjonskart for Helse, omsorg og velferd (Bragernes og Øren) – «å» og «æ»', 28, 40, 14, { font: 'bold' });
    a3.image(tile, 28, 60, 400, 300).rect(28, 60, 400, 300, { stroke: [0.5, 0.5, 0.5] });
    for (let page = 2; page <= 3; page++) {
      pdf
        .addPage(paperSizes.a4.width, paperSizes.a4.height)
        .text(`Side ${page} av 3`, 800, 40, 9, { align: 'right' })
        .image(tile, 28, 60, 400, 300)
        .line(10, 10, 20, 10);
    }
    const parsed = parse(pdf.toBytes());
    expect(parsed.treeCount).toBe(3);
    expect(parsed.pages).toHaveLength(3);
    // Landscape: wider than tall; A3 is 420 × 297 mm, A4 297 × 210 mm.
    expect(parsed.pages[0]).toEqual({ width: 1190.55, height: 841.89 });
    expect(parsed.pages[1]).toEqual({ width: 841.89, height: 595.28 });
    expect(parsed.texts[0]).toBe('Organisasjonskart for Helse, omsorg og velferd (Bragernes og Øren) – «å» og «æ»');
    expect(parsed.texts).toContain('Side 3 av 3');
    expect(parsed.title).toBe('Organisasjonskart for Bragernes og Øren – skolene per 7. desember 2026');
    expect(parsed.file).toContain('/BaseFont /Helvetica /Encoding /WinAnsiEncoding');
    // The picture is written once and drawn on every page.
    expect(parsed.file.match(/\/Subtype \/Image/g)).toHaveLength(1);
    expect(parsed.file.match(/\/Im1 Do/g)).toHaveLength(3);
  });

  it('escapes brackets and backslashes and writes letters outside ASCII as WinAnsi bytes', () => {
    expect(pdfString('a (b) \\ c')).toBe('(a \\(b\\) \\\\ c)');
    expect(pdfString('æøå ÆØÅ')).toBe('(\\346\\370\\345 \\306\\330\\305)');
    expect(pdfString('1–2 …')).toBe('(1\\2262 \\205)');
    // Not in WinAnsi: a question mark rather than a broken byte.
    expect(pdfString('ŋ')).toBe('(?)');
  });

  it('measures text in Helvetica to place it', () => {
    expect(textWidth('Side', 10)).toBeCloseTo(((667 + 222 + 556 + 556) / 1000) * 10);
    expect(textWidth('Side', 10, 'bold')).toBeGreaterThan(textWidth('Side', 10));
  });
});

const heading: PrintHeading = {
  title: 'Organisasjonskart for Drammen kommune per 7. desember 2026',
  lines: ['Laget 7. desember 2026', 'Utsnitt: hele organisasjonen · 3 nivåer · 35 av 168 enheter'],
  pageLabel: (page, pages, tile) => `Side ${page} av ${pages}${tile ? ` · rad ${tile.row}, kolonne ${tile.column}` : ''}`,
  mapNote: (pages) => `Sideoversikt: kartet er delt på ${pages} sider.`,
};
const jpeg = { data: fakeJpeg, width: 10, height: 10 };

describe('the chart on paper', () => {
  it('puts a small chart on one A4 landscape page with the title, the date and the scope', () => {
    const plan = planPrint(1200, 500, 'a4');
    expect(plan.pageCount).toBe(1);
    expect(plan.scale).toBeGreaterThanOrEqual(0.5);
    const parsed = parse(buildChartPdf(plan, heading, [jpeg], null));
    expect(parsed.pages).toEqual([{ width: 841.89, height: 595.28 }]);
    expect(parsed.texts).toEqual([heading.title, ...heading.lines, 'Side 1 av 1']);
  });

  it('splits a large chart over overlapping A3 landscape tiles, with a page map on page 1', () => {
    // The whole Nye Drammen chart is about 21 000 × 1 900 px.
    const plan = planPrint(21_320, 1_900, 'a3');
    expect(plan.withMap).toBe(true);
    expect(plan.scale).toBe(0.5);
    // 1 134 pt across at 0.5 pt a pixel: 2 269 px a page, 32 px shared with the next; 736 pt down: 1 472 px.
    expect(plan.columns).toBe(10);
    expect(plan.rows).toBe(2);
    expect(plan.pageCount).toBe(21);
    // The tiles cover the chart and neighbours overlap.
    const last = plan.tiles.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(21_320);
    expect(last.y + last.height).toBeCloseTo(1_900);
    expect(plan.tiles[1]!.x).toBeLessThan(plan.tiles[0]!.width);
    const parsed = parse(
      buildChartPdf(
        plan,
        heading,
        plan.tiles.map(() => jpeg),
        jpeg,
      ),
    );
    expect(parsed.treeCount).toBe(21);
    expect(parsed.pages.every((page) => page.width === 1190.55 && page.height === 841.89)).toBe(true);
    // Every page has the title, the date and the scope; page 1 the map note and the page numbers.
    expect(parsed.texts.filter((text) => text === heading.title)).toHaveLength(21);
    expect(parsed.texts.filter((text) => text === heading.lines[1])).toHaveLength(21);
    expect(parsed.texts).toContain('Sideoversikt: kartet er delt på 21 sider.');
    expect(parsed.texts).toContain('Side 1 av 21');
    expect(parsed.texts).toContain('Side 21 av 21 · rad 2, kolonne 10');
    for (let page = 2; page <= 21; page++) expect(parsed.texts).toContain(String(page));
  });

  it('uses more A4 pages than A3 pages for the same chart', () => {
    expect(planPrint(8_000, 1_000, 'a4').pageCount).toBeGreaterThan(planPrint(8_000, 1_000, 'a3').pageCount);
  });
});
