import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { hasPermission, useSession } from '../../data/session';
import { Page } from '../../components/page';
import { ErrorAlert, Loading } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { auditPageSize, auditQuery } from './audit-api';
import { AuditFilters } from './audit-filters';
import { PageNavigation } from '../../components/pagination';
import { AuditTable } from './audit-table';

const route = getRouteApi('/revisjonslogg');

/** Who changed what, and when. Administrators only (permission audit:read). */
export function AuditLogPage() {
  const { t } = useI18n();
  const { data: session } = useSession();

  if (!hasPermission(session, 'audit:read')) {
    return (
      <Page title={t('forbidden.title')}>
        <Paragraph>{t('forbidden.body')}</Paragraph>
      </Page>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const audit = useQuery(auditQuery(search));

  return (
    <Page title={t('audit.title')}>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditFilters
        // Re-read the form from the URL when it changes (e.g. "Back").
        key={JSON.stringify({ ...search, page: undefined })}
        search={search}
        onApply={(filters) => void navigate({ search: filters })}
      />

      {audit.isPending && <Loading label={t('audit.loading')} />}
      {audit.isError && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data &&
        (audit.data.items.length === 0 ? (
          <Paragraph role="status">{t('audit.empty')}</Paragraph>
        ) : (
          <>
            <Paragraph role="status" className="kp-summary">
              {/* From the data's own offset: while the next page loads, the previous one is still shown. */}
              {t('audit.summary', {
                first: audit.data.offset + 1,
                last: audit.data.offset + audit.data.items.length,
                total: audit.data.total,
              })}
            </Paragraph>
            <AuditTable entries={audit.data.items} />
            <PageNavigation
              label={t('audit.pagination')}
              page={page}
              totalPages={Math.ceil(audit.data.total / auditPageSize)}
              onChange={(next) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } })}
            />
          </>
        ))}
    </Page>
  );
}
