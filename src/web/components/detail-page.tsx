import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Page } from './page';
import { ErrorAlert, Loading } from './status';

/**
 * The frame of a page about one record: loading, a not-found or other error with its own title,
 * then the page. `children` gets the loaded record. A 404 offers no retry; other errors do.
 *
 * @example
 * const query = useQuery(hubQuery(id));
 * return (
 *   <DetailPage query={query} fallbackTitle={t('hub.title')} loadingLabel={t('hub.loading')} title={(hub) => hub.name} header={<PlacesNav />}>
 *     {(hub) => <HubParts hub={hub} />}
 *   </DetailPage>
 * );
 */
export function DetailPage<T>({
  query,
  fallbackTitle,
  loadingLabel,
  title,
  documentTitle,
  header,
  children,
}: {
  query: Pick<UseQueryResult<T, unknown>, 'isPending' | 'isError' | 'error' | 'data' | 'refetch'>;
  header?: ReactNode;
  fallbackTitle: string;
  loadingLabel?: string;
  title: (data: T) => string;
  documentTitle?: (data: T) => string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      <Page title={fallbackTitle}>
        {header}
        <Loading label={loadingLabel} />
      </Page>
    );
  }
  if (query.isError || query.data === undefined) {
    const notFound = (query.error as { status?: number } | null)?.status === 404;
    return (
      <Page title={notFound ? t('kit.notFound') : fallbackTitle}>
        {header}
        <ErrorAlert error={query.error} onRetry={notFound ? undefined : () => void query.refetch()} />
      </Page>
    );
  }
  const data = query.data;
  return (
    <Page title={title(data)} documentTitle={documentTitle?.(data)}>
      {header}
      {children(data)}
    </Page>
  );
}
