// Export of the org chart as drawn: the units shown (collapsed ones are not), at full size, as a
// standalone SVG file with its styles inlined (no stylesheet, no CSS variables), or as a PDF.

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
  options: { fontFamily?: string } = {},
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

  const width = Math.ceil(bounds.width + padding * 2);
  const height = Math.ceil(bounds.height + padding * 2);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.style.cssText = `background:#ffffff;font-family:${options.fontFamily ?? getComputedStyle(svg).fontFamily}`;

  const contentIndex = originals.indexOf(content);
  const contentCopy = copies[contentIndex];
  contentCopy?.setAttribute('transform', `translate(${padding} ${padding})`);

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
  return clone;
}

export function downloadSvg(svg: SVGSVGElement, content: SVGGElement, bounds: ExportBounds, title: string, fileName: string): string {
  const standalone = standaloneChart(svg, content, bounds, title);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(standalone)}`;
  download(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), fileName);
  return text;
}

// PDF pages cannot be larger than 14 400 pt (200 inches) on a side.
const maxPdfSide = 14_400;

/** Loads jspdf and svg2pdf.js only now: most visits never export. */
export async function downloadPdf(
  svg: SVGSVGElement,
  content: SVGGElement,
  bounds: ExportBounds,
  title: string,
  fileName: string,
): Promise<void> {
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  // The PDF's built-in Helvetica has æ, ø and å; embedding Inter would add a large font file.
  const standalone = standaloneChart(svg, content, bounds, title, { fontFamily: 'helvetica' });
  const width = Number(standalone.getAttribute('width'));
  const height = Number(standalone.getAttribute('height'));
  const scale = Math.min(1, maxPdfSide / width, maxPdfSide / height);
  const pageWidth = width * scale;
  const pageHeight = height * scale;
  const pdf = new jsPDF({ orientation: pageWidth >= pageHeight ? 'landscape' : 'portrait', unit: 'pt', format: [pageWidth, pageHeight] });
  pdf.setProperties({ title });
  // svg2pdf reads layout from the live DOM: attach the copy out of sight while it renders.
  const holder = document.createElement('div');
  holder.setAttribute('aria-hidden', 'true');
  holder.style.cssText = 'position:fixed;left:-100000px;top:0;visibility:hidden';
  holder.append(standalone);
  document.body.append(holder);
  try {
    await svg2pdf(standalone, pdf, { x: 0, y: 0, width: pageWidth, height: pageHeight });
  } finally {
    holder.remove();
  }
  download(pdf.output('blob'), fileName);
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
