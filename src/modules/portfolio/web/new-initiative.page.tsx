import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { usePortfolioI18n } from './i18n';
import { InitiativeForm } from './initiative-form-parts';
import { initiativeOptionsQuery, useProposeInitiative } from './initiatives-api';
import { PortfolioNav } from './ui';
import './initiatives.css';

/** /portefolje/nytt: propose an initiative, then go to it. */
export function NewInitiativePage() {
  const { t } = usePortfolioI18n();
  const navigate = useNavigate();
  const options = useQuery(initiativeOptionsQuery);
  const mutation = useProposeInitiative();

  return (
    <Page title={t('initiatives.form.title')}>
      <PortfolioNav />
      <Paragraph>{t('initiatives.form.intro')}</Paragraph>
      {options.isPending && <Loading />}
      {options.error && <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && (
        <InitiativeForm
          options={options.data}
          submitLabel={t('initiatives.form.submit')}
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(body) => {
            mutation.reset();
            void mutation
              .mutateAsync(body)
              .then((created) => navigate({ to: '/portefolje/initiativ/$number', params: { number: String(created.number) } }))
              .catch(() => {});
          }}
        />
      )}
    </Page>
  );
}
