import { ErrorSummary } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { WriteError } from './write-error';

export type Problem = { /** The input's id, for the link. */ id: string; message: string };

/**
 * What is wrong with a form: the problems found before sending, in an error summary linking each
 * message to its field (Aksel's form-validation pattern); when there are none, the server's refusal
 * (`error`, shown by `WriteError`). Nothing when all is well. With `focus`, the summary takes the
 * focus when it appears or changes, so a failed submit is announced.
 *
 * @example
 * const problems = tried && !title.trim() ? [{ id: titleId, message: t('goal.titleRequired') }] : [];
 * <ProblemSummary heading={t('goal.notSaved')} problems={problems} error={mutation.error} fieldIds={{ title: titleId }} focus />
 */
export function ProblemSummary({
  heading,
  problems,
  level = 3,
  error,
  fieldIds,
  onReload,
  focus = false,
}: {
  heading: string;
  problems: Problem[];
  level?: 2 | 3 | 4;
  /** The server's refusal, shown when there are no problems of the form's own. */
  error?: unknown;
  /** Field name (as the server names it) → the input's id, for the refusal's links. */
  fieldIds?: Record<string, string>;
  /** Reload what was edited after a stale refusal. */
  onReload?: () => void;
  focus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = problems.length > 0 || Boolean(error);
  // What is shown, as text: a new render with the same problems must not move the focus again.
  const shown = problems.map((problem) => `${problem.id}:${problem.message}`).join('\n');
  useEffect(() => {
    if (focus && visible) ref.current?.focus();
  }, [focus, visible, shown, error]);
  if (!visible) return null;
  const content =
    problems.length > 0 ? (
      <ErrorSummary>
        <ErrorSummary.Heading level={level}>{heading}</ErrorSummary.Heading>
        <ErrorSummary.List>
          {problems.map((problem) => (
            <ErrorSummary.Item key={problem.id}>
              <ErrorSummary.Link href={`#${problem.id}`}>{problem.message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    ) : (
      <WriteError error={error} fieldIds={fieldIds} onReload={onReload} heading={heading} />
    );
  return focus ? (
    <div ref={ref} tabIndex={-1}>
      {content}
    </div>
  ) : (
    content
  );
}
