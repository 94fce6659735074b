import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { hasPermission, useSession } from '../../../../web/data/session';
import { hrFeedStatusQuery } from './api';
import { useHrFeedI18n } from './i18n';

/** On the organisation's pages, for those who may edit it: the last HR feed run was refused or failed. */
export function HrFeedAlert() {
  const { data: session } = useSession();
  const editor = hasPermission(session, 'organisation:write');
  const status = useQuery({ ...hrFeedStatusQuery(), enabled: editor });
  const i18n = useHrFeedI18n();
  if (!editor || !status.data?.failing || !status.data.lastRun) return null;
  const run = status.data.lastRun;
  return (
    <Alert data-color="danger" className="kp-org-section">
      <Heading level={2} data-size="xs">
        {i18n.t('alert.title')}
      </Heading>
      <Paragraph>{i18n.t('alert.body', { file: run.fileName, summary: run.summary ? i18n.pick(run.summary) : '' })}</Paragraph>
      <RouterLink to="/organisasjon/hr-innlesing" className="ds-link">
        {i18n.t('alert.link')}
      </RouterLink>
    </Alert>
  );
}
