// Export of the org chart as drawn: the units shown (collapsed ones are not), as a standalone SVG
// file with its styles inlined (no stylesheet, no CSS variables), as a PDF on A4 or A3 landscape
// pages (chart-print.ts) or as a 16:9 picture for a slide. Every output carries the title, the
// date and the scope. The browser draws the SVG into a canvas for the PDF's and the PNG's pictures.
import { buildChartPdf, planPrint, type Jpeg, type PrintHeading, type Region } from './chart-print';
import type { PaperSize } from './pdf-writer';

const styleProperties = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
] as const;

const padding = 24;

export type ExportBounds = { width: number; height: number };

/** What every output says above the chart. */
export type ExportHeading = PrintHeading;

const svgNs = 'http://www.w3.org/2000/svg';
const exportFont = 'Helvetica, Arial, sans-serif';

/**
 * A standalone copy of the chart's SVG: computed styles written onto each element, interactive
 * attributes dropped, the pan/zoom reset so the whole chart fits the file, a white background.
 * `content` is the element holding the drawn chart (its transform is the pan/zoom).
 */
export function standaloneChart(
  svg: SVGSVGElement,
  content: SVGGElement,
  bounds: ExportBounds,
  title: string,
  options: { fontFamily?: string; heading?: ExportHeading } = {},
): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  // The controls to expand and collapse mean nothing on paper.
  const omitted: Element[] = [];
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (!(copy instanceof SVGElement) || !(original instanceof SVGElement)) return;
    if (original.dataset.export === 'omit') omitted.push(copy);
    const computed = getComputedStyle(original);
    const declarations = styleProperties
      .map((name) => {
        let value = computed.getPropertyValue(name);
        if (name === 'font-family' && options.fontFamily) value = options.fontFamily;
        // The PDF's built-in fonts come in normal and bold only.
        if (name === 'font-weight' && options.fontFamily) value = Number(value) >= 600 || value === 'bold' ? 'bold' : 'normal';
        return value ? `${name}:${value}` : '';
      })
      .filter(Boolean);
    // Through CSSOM: the Content-Security-Policy refuses style attributes set as text.
    copy.style.cssText = declarations.join(';');
    for (const attribute of ['class', 'tabindex', 'role', 'focusable']) copy.removeAttribute(attribute);
    for (const attribute of [...copy.attributes]) {
      if (attribute.name.startsWith('aria-') || attribute.name.startsWith('data-')) copy.removeAttribute(attribute.name);
    }
    // Links keep working from the file: absolute addresses.
    const href = copy.getAttribute('href');
    if (href?.startsWith('/')) copy.setAttribute('href', `${location.origin}${href}`);
  });

  for (const element of omitted) element.remove();

  // The title, the date and the scope above the chart (the PDF and PNG write their own).
  const heading = options.heading;
  const headingHeight = heading ? 30 + heading.lines.length * 18 : 0;
  const width = Math.ceil(bounds.width + padding * 2);
  const height = Math.ceil(bounds.height + padding * 2 + headingHeight);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.style.cssText = `background:#ffffff;font-family:${options.fontFamily ?? getComputedStyle(svg).fontFamily}`;

  const contentIndex = originals.indexOf(content);
  const contentCopy = copies[contentIndex];
  contentCopy?.setAttribute('transform', `translate(${padding} ${padding + headingHeight})`);

  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  let titleElement = clone.querySelector(':scope > title');
  if (!titleElement) {
    titleElement = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    clone.prepend(titleElement);
  }
  titleElement.textContent = title;
  titleElement.after(background);
  if (heading) {
    const texts = [heading.title, ...heading.lines].map((line, i) => {
      const text = document.createElementNS(svgNs, 'text');
      text.setAttribute('x', String(padding));
      text.setAttribute('y', String(padding + 18 + (i === 0 ? 0 : 12 + i * 18)));
      text.style.cssText = i === 0 ? 'font-size:22px;font-weight:bold;fill:#1e2b3c' : 'font-size:14px;fill:#4b5563';
      text.textContent = line;
      return text;
    });
    background.after(...texts);
  }
  return clone;
}

export function downloadSvg(
  svg: SVGSVGElement,
  content: SVGGElement,
  bounds: ExportBounds,
  heading: ExportHeading,
  fileName: string,
): string {
  const standalone = standaloneChart(svg, content, bounds, heading.title, { heading });
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(standalone)}`;
  download(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), fileName);
  return text;
}

/** Draws a region of the standalone chart into a new canvas of `pixels`, on white. */
async function rasterise(standalone: SVGSVGElement, region: Region, pixels: { width: number; height: number }): Promise<HTMLCanvasElement> {
  standalone.setAttribute('viewBox', `${region.x} ${region.y} ${region.width} ${region.height}`);
  standalone.setAttribute('width', String(pixels.width));
  standalone.setAttribute('height', String(pixels.height));
  standalone.setAttribute('preserveAspectRatio', 'none');
  const text = new XMLSerializer().serializeToString(standalone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image(pixels.width, pixels.height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pixels.width;
    canvas.height = pixels.height;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, pixels.width, pixels.height);
    context.drawImage(image, 0, 0, pixels.width, pixels.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The canvas as a blob; the browser encodes it off the main thread. */
function toBlob(canvas: HTMLCanvasElement, type: 'image/jpeg' | 'image/png', quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))), type, quality),
  );
}

async function jpegOf(canvas: HTMLCanvasElement): Promise<Jpeg> {
  const blob = await toBlob(canvas, 'image/jpeg', 0.88);
  return { data: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
}

/** Lets the page paint (the progress) between pictures. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Pixels per chart pixel in the PDF's pictures: about 290 dpi at the readable scale. */
const printPixels = 2;

/**
 * The chart as a PDF on `paper` landscape: one page, or tiles with a page map (chart-print.ts).
 * `onProgress` hears of each page as its picture is made.
 */
export async function downloadPdf(
  svg: SVGSVGElement,
  content: SVGGElement,
  bounds: ExportBounds,
  heading: ExportHeading,
  fileName: string,
  paper: PaperSize,
  onProgress: (page: number, pages: number) => void,
): Promise<void> {
  const standalone = standaloneChart(svg, content, bounds, heading.title, { fontFamily: exportFont });
  const width = Number(standalone.getAttribute('width'));
  const height = Number(standalone.getAttribute('height'));
  const plan = planPrint(width, height, paper);
  const tiles: Jpeg[] = [];
  let overview: Jpeg | null = null;
  if (plan.withMap) {
    onProgress(1, plan.pageCount);
    const k = Math.min(1, 3000 / width, 1600 / height);
    overview = await jpegOf(
      await rasterise(standalone, { x: 0, y: 0, width, height }, { width: Math.ceil(width * k), height: Math.ceil(height * k) }),
    );
    await nextFrame();
  }
  for (const [i, tile] of plan.tiles.entries()) {
    onProgress(i + 1 + (plan.withMap ? 1 : 0), plan.pageCount);
    const pixels = printPixels * Math.min(1, plan.scale / 0.5);
    tiles.push(
      await jpegOf(
        await rasterise(standalone, tile, {
          width: Math.ceil(tile.width * pixels * 2) / 2,
          height: Math.ceil(tile.height * pixels * 2) / 2,
        }),
      ),
    );
    await nextFrame();
  }
  const bytes = buildChartPdf(plan, heading, tiles, overview);
  download(new Blob([bytes as BlobPart], { type: 'application/pdf' }), fileName);
}

/** A slide's 16:9 at twice 1920 × 1080, on white: the heading at the top, the chart fitted below. */
export const slide = { width: 3840, height: 2160 } as const;

export async function downloadPng(
  svg: SVGSVGElement,
  content: SVGGElement,
  bounds: ExportBounds,
  heading: ExportHeading,
  fileName: string,
): Promise<void> {
  const standalone = standaloneChart(svg, content, bounds, heading.title, { fontFamily: exportFont });
  const width = Number(standalone.getAttribute('width'));
  const height = Number(standalone.getAttribute('height'));
  const margin = 96;
  const top = margin + 64 + heading.lines.length * 44 + 32;
  const k = Math.min((slide.width - margin * 2) / width, (slide.height - top - margin) / height, 3);
  const chartPixels = { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
  const chart = await rasterise(standalone, { x: 0, y: 0, width, height }, chartPixels);
  const canvas = document.createElement('canvas');
  canvas.width = slide.width;
  canvas.height = slide.height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, slide.width, slide.height);
  const family = getComputedStyle(svg).fontFamily || exportFont;
  context.fillStyle = '#1e2b3c';
  context.font = `bold 64px ${family}`;
  context.textBaseline = 'alphabetic';
  context.fillText(heading.title, margin, margin + 56, slide.width - margin * 2);
  context.fillStyle = '#4b5563';
  context.font = `36px ${family}`;
  heading.lines.forEach((line, i) => context.fillText(line, margin, margin + 64 + 44 * (i + 1), slide.width - margin * 2));
  context.drawImage(chart, (slide.width - chartPixels.width) / 2, top);
  download(await toBlob(canvas, 'image/png'), fileName);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
