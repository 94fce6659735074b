import { Alert, Button, ErrorSummary, Fieldset, Heading, Link, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useFocusWhen } from '../../../web/components/use-focus-when';
import type { Category } from '../leader-support.schemas';
import { useSupportI18n } from './i18n';
import { requestsNb } from './requests.messages';

// «Ny henvendelse»: the first step (which category) and the confirmation when an article solved it.

/** A request solved by a knowledge-base article before it was sent. */
export type Solved = { number: number; article: { id: string; key: string; title: string } };

/** The area's name («Lønn»), or the area's key when the dictionary does not know it. */
function useAreaName() {
  const { t } = useSupportI18n();
  return (area: string) => {
    const key = `requests.area.${area}`;
    return key in requestsNb ? t(key as keyof typeof requestsNb) : area.charAt(0).toUpperCase() + area.slice(1).replaceAll('_', ' ');
  };
}

export function CategoryStep({
  categories,
  value,
  onNext,
}: {
  categories: Category[];
  value: string | null;
  onNext: (key: string) => void;
}) {
  const { t, pick } = useSupportI18n();
  const ids = useId();
  const areaName = useAreaName();
  const [choice, setChoice] = useState(value ?? '');
  const [tried, setTried] = useState(0);
  const heading = useFocusWhen<HTMLHeadingElement>(true);
  // Areas in the catalogue's own order (the desk's sort order), each category under its area.
  const areas = useMemo(() => {
    const grouped = new Map<string, Category[]>();
    for (const category of categories) grouped.set(category.area, [...(grouped.get(category.area) ?? []), category]);
    return [...grouped.entries()];
  }, [categories]);
  const firstId = `${ids}-category-${categories[0]?.key ?? ''}`;
  const missing = tried > 0 && !choice;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried((n) => n + 1);
    if (choice) onNext(choice);
  };

  return (
    <form onSubmit={submit} noValidate className="kp-ls-req-form">
      <Heading level={2} data-size="sm" ref={heading} tabIndex={-1} className="kp-ls-req-step">
        {t('requests.new.step1')}
      </Heading>
      {missing && (
        <ErrorSummary key={tried}>
          <ErrorSummary.Heading level={3}>{t('requests.new.errorsHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${firstId}`}>{t('requests.new.categoryRequired')}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <Fieldset aria-invalid={missing || undefined} aria-describedby={missing ? `${ids}-category-error` : undefined}>
        <Fieldset.Legend>{t('requests.new.categoryLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('requests.new.categoryHelp')}</Fieldset.Description>
        {areas.map(([area, inArea]) => (
          <Fieldset key={area} className="kp-ls-req-area">
            <Fieldset.Legend className="kp-ls-req-area__legend">{areaName(area)}</Fieldset.Legend>
            {inArea.map((category) => (
              <Radio
                key={category.key}
                id={`${ids}-category-${category.key}`}
                name={`${ids}-category`}
                value={category.key}
                label={pick(category.name)}
                description={category.description ? pick(category.description) : undefined}
                checked={choice === category.key}
                onChange={() => setChoice(category.key)}
              />
            ))}
          </Fieldset>
        ))}
        {missing && (
          <ValidationMessage id={`${ids}-category-error`} data-color="danger">
            {t('requests.new.categoryRequired')}
          </ValidationMessage>
        )}
      </Fieldset>
      <div className="kp-ls-req-actions">
        <Button type="submit">{t('requests.new.next')}</Button>
      </div>
    </form>
  );
}

export function SolvedConfirmation({ solved, onAnother }: { solved: Solved; onAnother: () => void }) {
  const { t, requestNumber } = useSupportI18n();
  const ref = useFocusWhen(true);
  return (
    <>
      <div ref={ref} tabIndex={-1} role="status" className="kp-ls-req-solved">
        <Alert data-color="success">
          <Heading level={2} data-size="xs">
            {t('requests.new.solvedHeading')}
          </Heading>
          <Paragraph>{t('requests.new.solved')}</Paragraph>
          <Paragraph data-size="sm">
            {t('requests.new.solvedArticle')}{' '}
            <Link asChild>
              <RouterLink to="/lederstotte/kunnskapsbase/$key" params={{ key: solved.article.key }}>
                {solved.article.title}
              </RouterLink>
            </Link>
            {'. '}
            {t('requests.new.solvedNumber', { number: requestNumber(solved.number) })}
          </Paragraph>
        </Alert>
      </div>
      <div className="kp-ls-req-actions">
        <Button type="button" variant="secondary" onClick={onAnother}>
          {t('requests.new.another')}
        </Button>
        <Link asChild>
          <RouterLink to="/lederstotte/henvendelser">{t('nav.mine')}</RouterLink>
        </Link>
      </div>
    </>
  );
}
