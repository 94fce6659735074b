import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Textfield,
} from '@digdir/designsystemet-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useMeta, type Meta } from '../data/meta';
import { useSignIn } from '../data/session';
import { Page } from '../components/page';
import { ErrorAlert } from '../components/status';
import { oidcRefusals } from '../../modules/identity/oidc.schemas';
import { isMessageKey, useI18n, type Translate } from '../i18n/i18n';

const route = getRouteApi('/logg-inn');

export function SignInPage() {
  const { t } = useI18n();
  const { redirect, feil } = route.useSearch();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const { data: meta } = useMeta();

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ username: false, password: false });
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const nowMissing = { username: !username.trim(), password: !password };
    setMissing(nowMissing);
    if (nowMissing.username) return usernameRef.current?.focus();
    if (nowMissing.password) return passwordRef.current?.focus();
    signIn.mutate(
      { username: username.trim(), password },
      // replace: "Back" should not return to the sign-in form.
      { onSuccess: () => void navigate({ href: redirect ?? '/', replace: true }) },
    );
  }

  return (
    <Page title={t('signIn.title')}>
      <div className="kp-narrow">
        {feil && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{oidcRefusalMessage(t, feil)}</Paragraph>
          </Alert>
        )}
        {meta?.signIn.oidc && (
          <div className="kp-form">
            <a className="ds-button" data-variant="primary" href={`/api/auth/oidc/start?redirect=${encodeURIComponent(redirect ?? '/')}`}>
              {t('signIn.withProvider').replace('{name}', meta.signIn.oidc.displayName)}
            </a>
          </div>
        )}
        {meta?.signIn.oidc && meta.signIn.password && (
          <Heading level={2} data-size="xs">
            {t('signIn.withPassword')}
          </Heading>
        )}
        {(!meta || meta.signIn.password) && <Paragraph>{t('signIn.intro')}</Paragraph>}
        {signIn.isError && <ErrorAlert error={signIn.error} />}
        {/* noValidate: we show our own messages, in the chosen language. */}
        {(!meta || meta.signIn.password) && (
          <form onSubmit={onSubmit} noValidate className="kp-form">
            <Textfield
              ref={usernameRef}
              label={t('signIn.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              error={missing.username ? t('signIn.usernameRequired') : undefined}
            />
            <Textfield
              ref={passwordRef}
              label={t('signIn.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={missing.password ? t('signIn.passwordRequired') : undefined}
            />
            <div>
              <Button type="submit" loading={signIn.isPending}>
                {t('signIn.submit')}
              </Button>
            </div>
          </form>
        )}
      </div>
      {meta?.demoMode && <DemoAccounts meta={meta} t={t} />}
    </Page>
  );
}

/** In demo mode anyone may sign in as any role, so the accounts and password are public. */
function DemoAccounts({ meta, t }: { meta: Meta; t: Translate }) {
  return (
    <section aria-labelledby="kp-demo-heading" className="kp-demo">
      <Heading level={2} data-size="sm" id="kp-demo-heading">
        {t('signIn.demoHeading')}
      </Heading>
      <Paragraph>{t('signIn.demoIntro')}</Paragraph>
      {meta.demoPassword && (
        <Paragraph>
          {t('signIn.demoPassword')} <code className="kp-code">{meta.demoPassword}</code>
        </Paragraph>
      )}
      <Table zebra className="kp-demo__table">
        <caption className="ds-sr-only">{t('signIn.demoCaption')}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('signIn.demoUsername')}</TableHeaderCell>
            <TableHeaderCell>{t('signIn.demoRole')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {meta.demoAccounts.map((account) => (
            <TableRow key={account.username}>
              <TableCell>
                <code className="kp-code">{account.username}</code>
              </TableCell>
              <TableCell>{roleLabel(t, account.role)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** The role's name in the UI language; an unknown role is shown as its key. */
function roleLabel(t: Translate, role: string): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** Why the identity provider's sign-in was refused (`?feil=<code>` from /api/auth/oidc/callback). */
function oidcRefusalMessage(t: Translate, code: string): string {
  const known = (oidcRefusals as readonly string[]).includes(code) ? code : 'invalid_token';
  const key = `signIn.refused.${known}`;
  return isMessageKey(key) ? t(key) : t('signIn.refused.invalid_token');
}
