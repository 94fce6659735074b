import { Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useMeta } from '../data/meta';
import { useI18n } from '../i18n/i18n';

export function Footer() {
  const { t } = useI18n();
  const { data: meta } = useMeta();
  return (
    <footer className="kp-footer">
      <div className="kp-container kp-footer__inner">
        <Link asChild>
          <RouterLink to="/tilgjengelighet">{t('footer.accessibility')}</RouterLink>
        </Link>
        <Paragraph data-size="sm">
          {meta ? `${meta.municipality.name}. ` : ''}
          {t('footer.openSource')}
        </Paragraph>
      </div>
    </footer>
  );
}
