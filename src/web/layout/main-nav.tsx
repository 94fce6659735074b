import { Button } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { hasPermission, useSession } from '../data/session';
import { useI18n } from '../i18n/i18n';
import { domainModules, menuEntries, moduleNameKey } from '../modules';
import type { MenuEntry } from '../routing';

/**
 * The main menu. On narrow screens (under 48em = 768px) the list is hidden
 * behind a "Menu" button; on wider screens the button is hidden (CSS).
 */
export function MainNav() {
  const { t } = useI18n();
  const { data: session } = useSession();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // The modules' menu entries of one group, each only for those it is for.
  const moduleLinks = (group: MenuEntry['group']) =>
    menuEntries
      .filter((entry) => entry.group === group && (!('shownTo' in entry) || entry.shownTo(session)))
      .map((entry) => (
        <li key={entry.to}>
          <RouterLink to={entry.to} className="kp-nav__link ds-focus">
            {t(entry.label)}
          </RouterLink>
        </li>
      ));
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
          {/* The modules' entries for citizens (the way to a service), before the modules themselves. */}
          {moduleLinks('citizens')}
          {domainModules.map((module) => (
            <li key={module.key}>
              <RouterLink to={module.path} className="kp-nav__link ds-focus">
                {t(moduleNameKey(module.key))}
              </RouterLink>
            </li>
          ))}
          {moduleLinks('administration')}
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
