import { Button } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { hasPermission, useSession } from '../data/session';
import { useI18n } from '../i18n/i18n';
import { domainModules, moduleNameKey } from '../modules';

/**
 * The main menu. On narrow screens (under 48em = 768px) the list is hidden
 * behind a "Menu" button; on wider screens the button is hidden (CSS).
 */
export function MainNav() {
  const { t } = useI18n();
  const { data: session } = useSession();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <nav
      aria-label={t('nav.label')}
      className="kp-nav"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <div className="kp-container">
        <Button
          ref={buttonRef}
          variant="tertiary"
          className="kp-nav__toggle"
          aria-expanded={open}
          aria-controls="kp-nav-list"
          onClick={() => setOpen((value) => !value)}
        >
          <MenuIcon open={open} />
          {t('nav.menuButton')}
        </Button>
        <ul
          id="kp-nav-list"
          className="kp-nav__list"
          data-open={open || undefined}
          // Close the menu once the user has picked a page.
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('a')) setOpen(false);
          }}
        >
          <li>
            <RouterLink to="/" activeOptions={{ exact: true }} className="kp-nav__link ds-focus">
              {t('nav.home')}
            </RouterLink>
          </li>
          {/* For citizens: the way to a service, before the modules (the places module's public search). */}
          <li>
            <RouterLink to="/finn-tjeneste" className="kp-nav__link ds-focus">
              {t('nav.findService')}
            </RouterLink>
          </li>
          {domainModules.map((module) => (
            <li key={module.key}>
              <RouterLink to={module.path} className="kp-nav__link ds-focus">
                {t(moduleNameKey(module.key))}
              </RouterLink>
            </li>
          ))}
          {hasPermission(session, 'users:read') && (
            <li>
              <RouterLink to="/brukere" className="kp-nav__link ds-focus">
                {t('nav.users')}
              </RouterLink>
            </li>
          )}
          {/* Leaders find what their disabled employees still own; administrators reach it from «Brukere». */}
          {!hasPermission(session, 'users:read') && session?.user?.roles.includes('leader') && (
            <li>
              <RouterLink to="/omfordeling" className="kp-nav__link ds-focus">
                {t('nav.reassignments')}
              </RouterLink>
            </li>
          )}
          {hasPermission(session, 'audit:read') && (
            <li>
              <RouterLink to="/revisjonslogg" className="kp-nav__link ds-focus">
                {t('nav.audit')}
              </RouterLink>
            </li>
          )}
        </ul>
      </div>
    </nav>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" width="1.25em" height="1.25em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
    </svg>
  );
}
