import './knowledge-base.css';
import { Link, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import type { ArticleSummary } from '../knowledge-base.schemas';
import { useSupportI18n } from './i18n';
import { renderMarkdown } from './markdown';

// Pieces the knowledge-base pages share.

/** `value`, once it has stopped changing for `delay` milliseconds. */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export function ArticleLink({ articleKey, children }: { articleKey: string; children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink to="/lederstotte/kunnskapsbase/$key" params={{ key: articleKey }}>
        {children}
      </RouterLink>
    </Link>
  );
}

/** Marks: demo text, not published, for agents. */
export function ArticleTags({ article }: { article: Pick<ArticleSummary, 'demo' | 'published' | 'audience'> }) {
  const { t } = useSupportI18n();
  const tags = [
    ...(article.demo ? [{ key: 'demo', text: t('kb.demo'), color: 'warning' as const }] : []),
    ...(!article.published ? [{ key: 'draft', text: t('kb.draft'), color: 'neutral' as const }] : []),
    ...(article.audience === 'agents' ? [{ key: 'agents', text: t('kb.forAgents'), color: 'info' as const }] : []),
  ];
  if (tags.length === 0) return null;
  return (
    <ul className="kp-kb-tags">
      {tags.map((tag) => (
        <li key={tag.key}>
          <Tag data-size="sm" data-color={tag.color}>
            {tag.text}
          </Tag>
        </li>
      ))}
    </ul>
  );
}

/** An article's Markdown, rendered safely (raw HTML shown as text). */
export function MarkdownBody({ text }: { text: string }) {
  // markdown-it is configured with html: false: every tag written in the text comes out escaped.
  return <div className="kp-kb-markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}
