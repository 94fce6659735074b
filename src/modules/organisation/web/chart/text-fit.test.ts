import { describe, expect, it } from 'vitest';
import { fitLine, fitText } from './text-fit';

// 10 px a character, but «W» and «M» twice as wide: wrapping must go by width, not by count.
const measure = (text: string) => [...text].reduce((sum, c) => sum + (c === 'W' || c === 'M' ? 20 : 10), 0);

describe('fitting names into the chart boxes', () => {
  it('keeps a name that fits on one line', () => {
    expect(fitText('Legevakt', 200, 3, measure)).toEqual({ lines: ['Legevakt'], cut: false });
  });

  it('wraps by measured width at word boundaries', () => {
    // 'Helse og omsorg' is 150 px; a 100 px line takes 'Helse og' (80 px).
    expect(fitText('Helse og omsorg', 100, 3, measure)).toEqual({ lines: ['Helse og', 'omsorg'], cut: false });
    // Wide letters wrap earlier than their count says.
    expect(fitText('WWWW aaaa', 100, 3, measure).lines).toEqual(['WWWW', 'aaaa']);
    expect(fitText('iiii aaaa', 100, 3, measure).lines).toEqual(['iiii aaaa']);
  });

  it('stops at three lines and ends the last with … when the name is longer', () => {
    const name = 'Kommunalsjef for oppvekst og utdanning med ansvar for barnehager skoler og kultur';
    const fitted = fitText(name, 150, 3, measure);
    expect(fitted.cut).toBe(true);
    expect(fitted.lines).toHaveLength(3);
    expect(fitted.lines[2]!.endsWith('…')).toBe(true);
    for (const line of fitted.lines) expect(measure(line)).toBeLessThanOrEqual(150);
    expect(name.startsWith(fitted.lines.slice(0, 2).join(' '))).toBe(true);
  });

  it('breaks a word wider than the line', () => {
    const fitted = fitText('Helsetjenesteadministrasjonen', 100, 3, measure);
    expect(fitted.lines.every((line) => measure(line) <= 100)).toBe(true);
    expect(fitted.lines.join('')).toBe('Helsetjenesteadministrasjonen'.slice(0, fitted.lines.join('').length));
  });

  it('cuts a single line with …', () => {
    expect(fitLine('virksomhetsleder', 100, measure)).toEqual({ lines: ['virksomhe…'], cut: true });
    expect(fitLine('rektor', 100, measure)).toEqual({ lines: ['rektor'], cut: false });
  });
});
