import './people.css';
import { Avatar } from '@digdir/designsystemet-react';
import type { PeopleSearchHit } from '../people.schemas';
import { useOrgI18n } from './i18n';

// Pieces of the person search and the person card.

/** «Kari Nordmann» → «KN»: the first letters of the first and last names. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toLocaleUpperCase('nb');
}

/**
 * The person's photo from the HR feed, or their initials. Beside the name (`decorative`) it is
 * hidden from screen readers; on the card the photo is named.
 */
export function PersonPhoto({
  name,
  photo,
  size = 'md',
  decorative = false,
}: {
  name: string;
  photo: PeopleSearchHit['photo'];
  size?: 'sm' | 'md' | 'lg';
  decorative?: boolean;
}) {
  const { t } = useOrgI18n();
  const label = t('people.photoAlt', { name });
  if (photo) {
    return decorative ? (
      <Avatar aria-hidden data-size={size} className="kp-people-photo">
        <img src={photo.url} alt="" loading="lazy" />
      </Avatar>
    ) : (
      <Avatar aria-label={label} data-size={size} className="kp-people-photo">
        {/* The avatar is the named image; the picture inside it is not a second one. */}
        <img src={photo.url} alt="" />
      </Avatar>
    );
  }
  return (
    <Avatar aria-hidden data-size={size} className="kp-people-photo">
      {initialsOf(name)}
    </Avatar>
  );
}
