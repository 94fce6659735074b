import './requests.css';
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId } from 'react';
import { Page } from '../../../web/components/page';
import { hasPermission, useSession } from '../../../web/data/session';
import { useSupportI18n, type SupportKey } from './i18n';
import { requestListQuery } from './requests-api';
import { SupportNav } from './ui';

type Door = { to: string; title: SupportKey; text: SupportKey; permission: string };

// What each user may do here, in the order a leader meets it: look it up, ask, follow up.
const doors: Door[] = [
  { to: '/lederstotte/kunnskapsbase', title: 'nav.knowledge', text: 'requests.home.knowledgeText', permission: 'authenticated' },
  { to: '/lederstotte/ny', title: 'nav.new', text: 'requests.home.newText', permission: 'leader_support:submit' },
  { to: '/lederstotte/henvendelser', title: 'nav.mine', text: 'requests.home.mineText', permission: 'leader_support:submit' },
  { to: '/lederstotte/ko', title: 'nav.queue', text: 'requests.home.queueText', permission: 'leader_support:handle' },
  { to: '/lederstotte/tall', title: 'nav.figures', text: 'requests.home.figuresText', permission: 'leader_support:report' },
  { to: '/lederstotte/innstillinger', title: 'nav.settings', text: 'requests.home.settingsText', permission: 'leader_support:configure' },
];

/** The module's front page: the service concept in two sentences, and a door for each thing the user may do. */
export function LeaderSupportPage() {
  const { t } = useSupportI18n();
  const ids = useId();
  const { data: session } = useSession();
  const shown = doors.filter((door) =>
    door.permission === 'authenticated' ? Boolean(session?.user) : hasPermission(session, door.permission),
  );
  const submits = hasPermission(session, 'leader_support:submit');

  return (
    <Page title={t('nav.home')}>
      <SupportNav />
      <div className="kp-lead kp-ls-req-lead">
        <Paragraph data-size="lg">{t('requests.home.lead')}</Paragraph>
        <Paragraph>{t('requests.home.lines')}</Paragraph>
      </div>
      {submits && <OpenRequestsSummary />}
      <Heading level={2} data-size="sm" className="kp-ls-req-section">
        {t('requests.home.doorsHeading')}
      </Heading>
      <ul className="kp-card-grid">
        {shown.map((door, index) => (
          <li key={door.to}>
            {/* The whole card is clickable; the heading link is what keyboards and screen readers use. */}
            <Card data-clickdelegatefor={`${ids}-door-${index}`} className="kp-module-card">
              <Heading level={3} data-size="xs">
                <Link asChild>
                  <RouterLink id={`${ids}-door-${index}`} to={door.to}>
                    {t(door.title)}
                  </RouterLink>
                </Link>
              </Heading>
              <Paragraph>{t(door.text)}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** «Du har 2 åpne henvendelser.»: one cheap count (page size 1), said only once it is known. */
function OpenRequestsSummary() {
  const { t, number } = useSupportI18n();
  const open = useQuery(requestListQuery({ view: 'mine', pageSize: 1 }));
  if (!open.data) return null;
  const total = open.data.total;
  return (
    <Paragraph className="kp-ls-req-summary">
      {total === 0
        ? t('requests.home.openNone')
        : total === 1
          ? t('requests.home.openOne')
          : t('requests.home.openMany', { count: number(total) })}{' '}
      {total > 0 && (
        <Link asChild>
          <RouterLink to="/lederstotte/henvendelser">{t('requests.home.openLink')}</RouterLink>
        </Link>
      )}
    </Paragraph>
  );
}
