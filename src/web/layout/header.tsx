import { Button, Label, Select } from '@digdir/designsystemet-react';
import { Link as RouterLink, useNavigate, useRouterState } from '@tanstack/react-router';
import { useMeta } from '../data/meta';
import { useSession, useSignOut } from '../data/session';
import { languageOptions, useI18n, type Language } from '../i18n/i18n';
import { MainNav } from './main-nav';

export function Header() {
  const { t } = useI18n();
  const { data: meta } = useMeta();
  return (
    <header className="kp-header">
      <div className="kp-container kp-header__bar">
        <RouterLink to="/" className="kp-brand ds-focus">
          {meta && <span className="kp-brand__municipality">{meta.municipality.name}</span>}
          <span className="kp-brand__product">{t('app.name')}</span>
        </RouterLink>
        <div className="kp-header__tools">
          <LanguageSelect />
          <UserControls />
        </div>
      </div>
      <MainNav />
    </header>
  );
}

function LanguageSelect() {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="kp-language">
      <Label htmlFor="kp-language" data-size="sm">
        {t('language.label')}
      </Label>
      <Select
        id="kp-language"
        data-size="sm"
        width="auto"
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        {languageOptions.map((option) => (
          // lang, so screen readers pronounce each name in its own language.
          <option key={option.value} value={option.value} lang={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

function UserControls() {
  const { t } = useI18n();
  const { data: session, isPending } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useRouterState({ select: (state) => state.location });

  // Avoid flashing "Sign in" to a user who is signed in while we ask the server.
  if (isPending) return null;

  if (session?.user) {
    return (
      <div className="kp-user">
        <span className="kp-user__name">
          <span className="ds-sr-only">{t('auth.signedInAs')} </span>
          {session.user.displayName}
        </span>
        <Button
          variant="secondary"
          data-size="sm"
          loading={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate({ to: '/' }) })}
        >
          {t('auth.signOut')}
        </Button>
      </div>
    );
  }

  // Come back to this page after signing in (but not to the sign-in page itself).
  const redirect = location.pathname === '/logg-inn' ? undefined : location.href;
  return (
    <Button asChild variant="secondary" data-size="sm">
      <RouterLink to="/logg-inn" search={redirect ? { redirect } : {}}>
        {t('auth.signIn')}
      </RouterLink>
    </Button>
  );
}
