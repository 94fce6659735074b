import './requests.css';
import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { Category, RequesterContext } from '../leader-support.schemas';
import { useSupportI18n } from './i18n';
import { RequestForm } from './new-request-form';
import { CategoryStep, SolvedConfirmation, type Solved } from './new-request-steps';
import { catalogueQuery, meQuery } from './requests-api';
import { SupportNav } from './ui';

// «Ny henvendelse»: step 1 picks a category from the catalogue; step 2 is that category's own form
// with the subject and description, while knowledge-base articles that match are suggested. Where the
// request comes from (unit, level, sector) is read from the organisation model and shown, never typed.
// First-line agents may register a request for a leader (usually by phone, possibly urgent).

export function NewRequestPage() {
  const { t } = useSupportI18n();
  const { data: session } = useSession();
  const catalogue = useQuery(catalogueQuery);
  const me = useQuery(meQuery);
  const allowed = hasPermission(session, 'leader_support:submit');
  const rawSearch = useRouterState({ select: (state) => state.location.search as Record<string, unknown> });

  return (
    <Page title={t('nav.new')}>
      <SupportNav />
      {!allowed ? (
        <Paragraph>{t('requests.new.notAllowed')}</Paragraph>
      ) : catalogue.isError || me.isError ? (
        <ErrorAlert
          error={catalogue.error ?? me.error}
          onRetry={() => {
            void catalogue.refetch();
            void me.refetch();
          }}
        />
      ) : !catalogue.data || !me.data ? (
        <Loading label={t('requests.new.loading')} />
      ) : (
        <NewRequestFlow
          categories={catalogue.data.categories}
          me={me.data}
          onBehalfAllowed={hasPermission(session, 'leader_support:handle')}
          initialCategory={typeof rawSearch.kategori === 'string' ? rawSearch.kategori : undefined}
        />
      )}
    </Page>
  );
}

function NewRequestFlow({
  categories,
  me,
  onBehalfAllowed,
  initialCategory,
}: {
  categories: Category[];
  me: RequesterContext;
  onBehalfAllowed: boolean;
  initialCategory?: string;
}) {
  const [categoryKey, setCategoryKey] = useState<string | null>(() =>
    categories.some((c) => c.key === initialCategory) ? (initialCategory ?? null) : null,
  );
  const [step, setStep] = useState<'category' | 'details'>(categoryKey ? 'details' : 'category');
  const [solved, setSolved] = useState<Solved | null>(null);
  const category = categories.find((c) => c.key === categoryKey);

  if (solved) {
    return (
      <SolvedConfirmation
        solved={solved}
        onAnother={() => {
          setSolved(null);
          setCategoryKey(null);
          setStep('category');
        }}
      />
    );
  }
  if (step === 'details' && category) {
    return (
      <RequestForm
        key={category.key}
        category={category}
        me={me}
        onBehalfAllowed={onBehalfAllowed}
        onChangeCategory={() => setStep('category')}
        onSolved={setSolved}
      />
    );
  }
  return (
    <CategoryStep
      categories={categories}
      value={categoryKey}
      onNext={(key) => {
        setCategoryKey(key);
        setStep('details');
      }}
    />
  );
}
