import { Alert, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { moduleStatus, useMeta, type ModuleKey } from '../data/meta';
import { useI18n } from '../i18n/i18n';
import { moduleNameKey, moduleSummaryKey } from '../modules';
import { Page } from './page';

/**
 * Placeholder for a domain module whose pages are not built yet: says so, and
 * what the module will hold. The status is the server's: a module can be
 * "available" (its API works) before its pages exist.
 */
export function PlannedModulePage({ moduleKey }: { moduleKey: ModuleKey }) {
  const { t } = useI18n();
  const { data: meta } = useMeta();
  const available = moduleStatus(meta, moduleKey) === 'available';
  return (
    <Page title={t(moduleNameKey(moduleKey))}>
      <Tag data-color={available ? 'success' : 'warning'} className="kp-status-tag">
        {t(available ? 'status.available' : 'status.planned')}
      </Tag>
      <Paragraph data-size="lg">{t(moduleSummaryKey(moduleKey))}</Paragraph>
      <Alert data-color="info">
        <Paragraph>{t(available ? 'module.pagesNotBuilt' : 'module.notBuilt')}</Paragraph>
      </Alert>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('module.backHome')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
