import { ScimError } from './scim-error.js';
import { etagOf } from './scim-user.js';

/** RFC 7644 §3.14: an If-Match that names another version is a 412; none, or `*`, passes. */
export function assertVersion(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const current = etagOf(version);
  const sent = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (sent.includes(current.replace(/^W\//, ''))) return;
  throw new ScimError(412, undefined, {
    nb: `Ressursen er endret siden versjon ${ifMatch.slice(0, 50)}; gjeldende er ${current}. Hent den på nytt.`,
    en: `The resource changed since version ${ifMatch.slice(0, 50)}; the current one is ${current}. Fetch it again.`,
  });
}
