import { Alert, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { moduleStatus, useMeta } from '../data/meta';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { domainModules, moduleNameKey, moduleSummaryKey } from '../modules';

export function HomePage() {
  const { t } = useI18n();
  const { data: meta } = useMeta();

  return (
    <Page title={t('home.title')} documentTitle={t('home.documentTitle')}>
      <Paragraph data-size="lg" className="kp-lead">
        {t('home.lead')}
      </Paragraph>
      {meta?.demoMode && (
        <Alert data-color="info">
          <Paragraph>{t('home.demoMode')}</Paragraph>
        </Alert>
      )}

      <Heading level={2} data-size="md" className="kp-section-heading">
        {t('home.modulesHeading')}
      </Heading>
      {/* Only while some module is still planned: then its card is marked «Kommer». */}
      {meta && domainModules.some((module) => moduleStatus(meta, module.key) === 'planned') && (
        <Paragraph>{t('home.underDevelopment')}</Paragraph>
      )}
      <ul className="kp-card-grid">
        {domainModules.map((module) => {
          const status = moduleStatus(meta, module.key);
          return (
            <li key={module.key}>
              {/* The whole card is clickable; the heading link is what keyboards and screen readers use. */}
              <Card data-clickdelegatefor={`kp-card-${module.key}`} className="kp-module-card">
                <Heading level={3} data-size="xs">
                  <Link asChild>
                    <RouterLink id={`kp-card-${module.key}`} to={module.path}>
                      {t(moduleNameKey(module.key))}
                    </RouterLink>
                  </Link>
                </Heading>
                <Paragraph>{t(moduleSummaryKey(module.key))}</Paragraph>
                <Tag data-color={status === 'available' ? 'success' : 'warning'} className="kp-status-tag">
                  {t(status === 'available' ? 'status.available' : 'status.planned')}
                </Tag>
              </Card>
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
