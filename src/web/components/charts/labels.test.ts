import { describe, expect, it } from 'vitest';
import {
  charWidth,
  keepInside,
  fitLabel,
  labelSize,
  lineHeight,
  overlaps,
  planAxisLabels,
  spreadLabels,
  textWidth,
  truncate,
  type Box,
} from './labels';
import { horizontalLayout } from './layout';
import { valueScale } from './scales';

// Long names as they come from the organisation register and the KOSTRA groups.
const longNames = [
  'Rådmannens lederteam',
  'Kommunalsjef for helse, sosial og omsorg (Helse- og omsorgstjenester)',
  'Enhet for tilrettelagte tjenester og avlastning for barn og unge',
  'Kommunale akutte døgnplasser (KAD)',
  'Barnehage- og skoleadministrasjon – Strømsø, Tangen og Åssiden',
  'Avdelingsleder for hjemmesykepleie i sone nord (Konnerud og Skoger)',
  'Drammen kommune 2019',
  'Nivå 3',
  'Spesialpedagogisk kompetansesenter – Veiledningstjenesten',
];

/** The box a line of text occupies, from its anchor and baseline (an upper estimate of its width). */
function textBox(text: string, x: number, baseline: number, anchor: 'start' | 'middle' | 'end'): Box {
  const width = textWidth(text);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x: left, y: baseline - labelSize, width, height: lineHeight };
}

function expectApart(boxes: Box[]) {
  for (let i = 0; i < boxes.length; i += 1)
    for (let j = i + 1; j < boxes.length; j += 1) expect(overlaps(boxes[i]!, boxes[j]!), `boxes ${i} and ${j} overlap`).toBe(false);
}

describe('fitLabel', () => {
  it('keeps a short label whole on one line', () => {
    expect(fitLabel('Nivå 3', 20)).toEqual({ lines: ['Nivå 3'], truncated: false });
  });

  it('wraps at spaces into lines that fit, and shortens what is left with an ellipsis', () => {
    for (const name of longNames)
      for (const maxChars of [8, 14, 20, 30]) {
        const fitted = fitLabel(name, maxChars, 2);
        expect(fitted.lines.length).toBeLessThanOrEqual(2);
        for (const line of fitted.lines) expect(line.length).toBeLessThanOrEqual(maxChars);
        if (!fitted.truncated) expect(fitted.lines.join(' ')).toBe(name);
        else expect(fitted.lines.at(-1)!.endsWith('…')).toBe(true);
      }
  });

  it('cuts a word longer than a line', () => {
    expect(fitLabel('Helse-og-omsorgstjenestene', 10)).toEqual({ lines: ['Helse-og-…'], truncated: true });
  });

  it('truncate leaves short text alone and ends long text in an ellipsis', () => {
    expect(truncate('Oslo', 5)).toBe('Oslo');
    expect(truncate('Kostragruppe 13 (EKG13)', 10)).toBe('Kostragru…');
  });
});

describe('axis labels at the ends', () => {
  it('keepInside centres a label that fits and anchors one at the edge it would cross', () => {
    expect(keepInside(360, '200 000 kr', 0, 720)).toEqual({ x: 360, anchor: 'middle' });
    const last = keepInside(704, '400 000 kr', 0, 720);
    expect(last).toEqual({ x: 720, anchor: 'end' });
    expect(last.x - textWidth('400 000 kr')).toBeGreaterThanOrEqual(0);
    expect(keepInside(4, '0 kr', 0, 720)).toEqual({ x: 0, anchor: 'start' });
  });
});

describe('horizontal bars: labels never collide', () => {
  for (const width of [720, 480, 320])
    it(`wraps long Norwegian names into their own rows at width ${width}, and keeps the values inside the chart`, () => {
      const values = longNames.map((_, i) => 1000 * (i + 1) ** 2);
      const valueLabels = values.map((v) => `${v.toLocaleString('nb-NO')} kr`);
      const layout = horizontalLayout(longNames, valueLabels, 2, width);
      const labelRight = layout.labelWidth - 10;
      const boxes = layout.rows.flatMap((row) =>
        row.fitted.lines.map((line, i) => textBox(line, labelRight, row.labelY + i * lineHeight, 'end')),
      );
      expectApart(boxes);
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(labelRight);
      }
      // Each label sits inside its own row, and the rows do not overlap.
      layout.rows.forEach((row) => {
        expect(row.labelY - labelSize).toBeGreaterThanOrEqual(row.top - 2);
        expect(row.labelY + (row.fitted.lines.length - 1) * lineHeight + 4).toBeLessThanOrEqual(row.top + row.height + 2);
      });
      for (let i = 1; i < layout.rows.length; i += 1)
        expect(layout.rows[i]!.top).toBeGreaterThanOrEqual(layout.rows[i - 1]!.top + layout.rows[i - 1]!.height);
      // Value labels at the bars' ends stay inside the chart.
      const x = valueScale(values, [0, layout.plotWidth], { zero: true });
      values.forEach((v, i) => expect(layout.labelWidth + x(v) + 6 + textWidth(valueLabels[i]!)).toBeLessThanOrEqual(width + 1));
    });

  it('never cuts off a flag said in words after a long label', () => {
    const flag = '(over grensen)';
    const layout = horizontalLayout(
      longNames,
      ['12'],
      1,
      720,
      longNames.map(() => flag),
    );
    for (const row of layout.rows) expect(row.fitted.lines.join(' ').endsWith(flag)).toBe(true);
    const boxes = layout.rows.flatMap((row) =>
      row.fitted.lines.map((line, i) => textBox(line, layout.labelWidth - 10, row.labelY + i * lineHeight, 'end')),
    );
    expectApart(boxes);
  });

  it('reserves no more than a third or so of the width for labels, however long they are', () => {
    const layout = horizontalLayout(longNames, ['1'], 1, 720);
    expect(layout.labelWidth).toBeLessThanOrEqual(Math.round(720 * 0.36) + 10);
    expect(layout.plotWidth).toBeGreaterThan(300);
  });
});

describe('planAxisLabels', () => {
  const months = Array.from({ length: 36 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  it('shows all labels flat when they fit their slots', () => {
    expect(planAxisLabels(['2023', '2024', '2025'], 200, { ordered: true })).toMatchObject({ every: 1, angle: 0 });
  });

  it('thins an ordered axis so the labels shown are apart', () => {
    for (const step of [10, 18, 30]) {
      const plan = planAxisLabels(months, step, { ordered: true });
      expect(plan.angle).toBe(0);
      const shown = months.flatMap((label, i) => (i % plan.every === 0 ? [textBox(label, i * step, 20, 'middle')] : []));
      expectApart(shown);
    }
  });

  it('slants long category names at 45° so neighbours stay a line apart', () => {
    const step = 60;
    const plan = planAxisLabels(longNames, step);
    expect(plan).toMatchObject({ every: 1, angle: 45 });
    // Parallel slanted baselines step px apart along x are step·sin 45° apart: more than a line.
    expect(step * Math.sin((plan.angle * Math.PI) / 180)).toBeGreaterThanOrEqual(lineHeight);
    expect(plan.height).toBeGreaterThanOrEqual(Math.min(plan.maxChars, 24) * charWidth() * Math.SQRT1_2);
  });
});

describe('spreadLabels', () => {
  it('leaves labels that are apart where they are', () => {
    expect(spreadLabels([10, 50, 100], 14, 0, 200)).toEqual([10, 50, 100]);
  });

  it('pushes end labels of lines that end on the same value apart, inside the plot, in order', () => {
    const names = [
      'Drammen',
      'Oslo (0301)',
      'Kostragruppe 13 (EKG13)',
      'Bærum (3024)',
      'Asker (3025)',
      'Lillestrøm (3030)',
      'Landet uten Oslo',
      'Viken',
    ];
    const wanted = [150, 150, 151, 149, 150, 220, 219, 221];
    const placed = spreadLabels(wanted, lineHeight, 20, 220);
    const boxes = names.map((name, i) => textBox(name, 600, placed[i]!, 'start'));
    expectApart(boxes);
    for (const y of placed) {
      expect(y).toBeGreaterThanOrEqual(20);
      expect(y).toBeLessThanOrEqual(220);
    }
    // The order of the lines is kept: a label wanted higher is not placed lower.
    const order = wanted.map((w, i) => ({ w, p: placed[i]! })).sort((a, b) => a.w - b.w);
    for (let i = 1; i < order.length; i += 1) expect(order[i]!.p).toBeGreaterThanOrEqual(order[i - 1]!.p);
  });
});
