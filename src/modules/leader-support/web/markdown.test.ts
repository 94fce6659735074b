import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('knowledge-base Markdown', () => {
  it('shows raw HTML as text: <script> and event handlers come out escaped, never as tags', () => {
    const html = renderMarkdown('Hei <script>alert("x")</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses javascript: links and marks every link noopener noreferrer', () => {
    expect(renderMarkdown('[klikk](javascript:alert(1))')).not.toContain('href="javascript:');
    expect(renderMarkdown('[Intranett](https://example.org/side)')).toContain(
      '<a href="https://example.org/side" rel="noopener noreferrer">Intranett</a>',
    );
    expect(renderMarkdown('Se https://example.org i dag')).toContain('<a href="https://example.org" rel="noopener noreferrer">');
  });

  it('renders the usual Markdown: emphasis, lists, headings', () => {
    const html = renderMarkdown('## Slik gjør du\n\n1. **Start** på nytt\n2. *Prøv* igjen\n\n- æ ø å');
    expect(html).toContain('<h2>Slik gjør du</h2>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<strong>Start</strong>');
    expect(html).toContain('<em>Prøv</em>');
    expect(html).toContain('<li>æ ø å</li>');
  });

  it('aligns table columns with classes, never a style attribute (the Content-Security-Policy refuses those)', () => {
    const html = renderMarkdown('| Tjeneste | Frist |\n|:--|--:|\n| Lønn | 3 dager |');
    expect(html).not.toContain('style=');
    expect(html).toContain('<th class="kp-kb-align-left">Tjeneste</th>');
    expect(html).toContain('<td class="kp-kb-align-right">3 dager</td>');
  });
});
