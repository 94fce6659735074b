import { Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ProblemSummary, type Problem } from '../../../web/components/problem-summary';
import { usePortfolioI18n } from './i18n';

// The shape the board's forms share: a form named by its h3, a problem summary under «Ble ikke lagret»,
// and a write that keeps the server's refusal and the pending state.

/** A problem found in the form before sending, on one field. */
export type LocalProblem<F extends string> = { field: F; message: string };

/**
 * Sends one write: pending while it runs; a refusal is kept (`error`) for the form's problem summary.
 * `check` keeps the first problem found before sending (`local`) and forgets the last refusal.
 */
export function useBoardWrite<F extends string = never>() {
  const [local, setLocal] = useState<LocalProblem<F> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  /** True when nothing was found and the form may send. */
  function check(found: LocalProblem<F> | null) {
    setLocal(found);
    setError(null);
    return found === null;
  }
  async function send(write: () => Promise<void>) {
    setPending(true);
    try {
      await write();
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
  }
  return { local, check, error, setError, pending, send };
}

/** A form named by its own h3 (`headingId`). */
export function BoardForm({
  headingId,
  heading,
  className = 'kp-pf-form',
  onSubmit,
  children,
}: {
  headingId: string;
  heading: ReactNode;
  className?: string;
  onSubmit: (event: FormEvent) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <form className={className} onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {heading}
      </Heading>
      {children}
    </form>
  );
}

/** What is wrong with a board form: its own problems first, else the server's refusal. */
export function BoardProblems(props: { problems: Problem[]; error: unknown; fieldIds?: Record<string, string>; onReload?: () => void }) {
  const { t } = usePortfolioI18n();
  return <ProblemSummary heading={t('board.failed')} level={4} {...props} />;
}
