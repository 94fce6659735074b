import MarkdownIt from 'markdown-it';

// Knowledge-base articles are Markdown written by agents. Raw HTML is never passed through (it is
// shown as text), links to javascript: and the like are refused by markdown-it's link check, bare
// addresses become links, and every link gets rel="noopener noreferrer".

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, index, options, env, self);
};

// A table column's alignment as a class: the Content-Security-Policy refuses the style="text-align:…"
// attribute markdown-it writes by default.
for (const rule of ['th_open', 'td_open'] as const) {
  markdown.renderer.rules[rule] = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    const align = /^text-align:(left|center|right)$/.exec(token.attrGet('style') ?? '')?.[1];
    if (token.attrGet('style') !== null) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    if (align) token.attrJoin('class', `kp-kb-align-${align}`);
    return self.renderToken(tokens, index, options);
  };
}

/** An article's Markdown as safe HTML for dangerouslySetInnerHTML. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
