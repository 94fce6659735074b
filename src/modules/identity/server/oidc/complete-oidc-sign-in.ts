import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import {
  actorForUser,
  createSession,
  isAppError,
  isUuid,
  recordAudit,
  recordSignInEvent,
  type Database,
  type KernelTables,
  type NewSession,
  type UserRow,
  type WriteContext,
} from '../../../../kernel/index.js';
import { findPersonByKey, linkUser, type OrganisationDb } from '../../../organisation/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { clockToleranceSeconds, type OidcClient } from './oidc-client.js';
import { OidcSignInRefused, refusalOf } from './oidc-refusal.js';
import {
  deleteSessionById,
  findUserByEmail,
  findUserByEmployeeNumber,
  findUserById,
  findUserBySubject,
  insertOidcSession,
  insertOidcUser,
  takeAttempt,
  updateSignedInUser,
  usernameTaken,
} from './oidc.queries.js';

export interface CompleteOidcSignInInput {
  /** The callback address as the browser called it (code, state, iss or error in the query). */
  callbackUrl: URL;
  /** The session the browser had before, ended here: a sign-in always starts a new one. */
  previousSessionId: string | null;
  ip: string;
  requestId: string;
  sessionHours: number;
}

interface Claims {
  issuer: string;
  subject: string;
  idToken: string;
  displayName: string;
  preferredUsername: string | null;
  email: string | null;
  employeeNumber: string | null;
  groups: string[];
}

/**
 * The provider's answer: the ID token checked (openid-client: issuer, audience, signature from the
 * JWKS, expiry with a small clock tolerance, nonce; and here: not issued in the future), then the
 * user found by (issuer, subject), by employee number or by e-mail, or created just in time and
 * linked to the person whose key is the employee number. Throws OidcSignInRefused (with nothing
 * created) for every refusal; each is recorded in sign_in_events.
 */
export async function completeOidcSignIn(
  database: Database,
  oidc: OidcClient,
  input: CompleteOidcSignInInput,
): Promise<{ session: NewSession; redirect: string; userId: string }> {
  const db = database.db as unknown as IdentityDb;
  let claims: Claims;
  let redirect: string;
  try {
    const state = input.callbackUrl.searchParams.get('state');
    // Taken (deleted) before anything else: a replayed or forged state finds nothing.
    const attempt = state ? await takeAttempt(db, state) : undefined;
    if (!state || !attempt) throw new OidcSignInRefused('state_mismatch');
    redirect = attempt.redirect;
    // The provider's own refusal (the user cancelled, or is not allowed this application).
    const providerError = input.callbackUrl.searchParams.get('error');
    if (providerError) throw new OidcSignInRefused(providerError === 'access_denied' ? 'access_denied' : 'provider_error');
    const configuration = await oidc.configuration().catch((error: unknown) => {
      throw new OidcSignInRefused('provider_unavailable', { cause: error });
    });
    const tokens = await client.authorizationCodeGrant(configuration, input.callbackUrl, {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = readClaims(oidc, tokens.claims(), tokens.id_token);
  } catch (error) {
    const reason = refusalOf(error);
    await recordSignInEvent(db, { userId: null, username: null, method: 'oidc', outcome: 'refused', reason, ip: input.ip });
    throw error instanceof OidcSignInRefused ? error : new OidcSignInRefused(reason, { cause: error });
  }

  const outcome = await database.db.transaction().execute(async (kernelTrx) => {
    const trx = kernelTrx as unknown as IdentityDb;
    const found = await findUser(trx, oidc, claims);
    if (found?.disabled_at) return { refused: true as const, user: found };
    const user = found ? await updateUser(trx, found, claims) : await createUser(trx, claims, input.requestId);
    if (claims.employeeNumber) await linkPerson(trx, user, claims.employeeNumber, input.requestId);

    const actor = await actorForUser(trx, user);
    const context: WriteContext = { actor, requestId: input.requestId };
    // Rotation: whatever session the browser brought is ended, so a planted cookie is worth nothing.
    if (input.previousSessionId) await deleteSessionById(trx, input.previousSessionId);
    const session = await createSession(kernelTrx as unknown as Kysely<KernelTables>, user.id, input.sessionHours);
    await insertOidcSession(trx, { session_id: session.id, id_token: claims.idToken, issuer: claims.issuer });
    await recordSignInEvent(trx, { userId: user.id, username: user.username, method: 'oidc', outcome: 'success', ip: input.ip });
    await recordAudit(trx, context, {
      action: 'sign_in',
      entityType: 'user',
      entityId: user.id,
      after: { username: user.username, method: 'oidc', issuer: claims.issuer, groups: claims.groups },
    });
    return { refused: false as const, session, user };
  });

  if (outcome.refused) {
    await recordSignInEvent(db, {
      userId: outcome.user.id,
      username: outcome.user.username,
      method: 'oidc',
      outcome: 'refused',
      reason: 'disabled',
      ip: input.ip,
    });
    throw new OidcSignInRefused('disabled');
  }
  return { session: outcome.session, redirect, userId: outcome.user.id };
}

function readClaims(oidc: OidcClient, idClaims: client.IDToken | undefined, idToken: string | undefined): Claims {
  if (!idClaims || !idToken) throw new OidcSignInRefused('invalid_token');
  // openid-client checks exp and nbf; a token dated after now (beyond the tolerance) is refused too.
  if (typeof idClaims.iat === 'number' && idClaims.iat > Date.now() / 1000 + clockToleranceSeconds) {
    throw new OidcSignInRefused('issued_in_future');
  }
  const settings = oidc.settings;
  const text = (value: unknown, max = 320): string | null => {
    const result = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    return result && result.length <= max && !/[\u0000-\u001f\u007f]/.test(result) ? result : null;
  };
  const rawGroups = idClaims[settings.groupsClaim];
  const groups = Array.isArray(rawGroups)
    ? [...new Set(rawGroups.map((g) => text(g, 256)).filter((g): g is string => g !== null))].slice(0, 500)
    : [];
  const email = text(idClaims[settings.emailClaim]);
  const preferredUsername = text(idClaims.preferred_username, 200);
  return {
    issuer: idClaims.iss,
    subject: idClaims.sub,
    idToken,
    displayName: text(idClaims.name, 200) ?? preferredUsername ?? email ?? idClaims.sub,
    preferredUsername,
    email: email && email.includes('@') ? email : null,
    employeeNumber: text(idClaims[settings.personClaim], 100),
    groups,
  };
}

async function findUser(trx: IdentityDb, oidc: OidcClient, claims: Claims): Promise<UserRow | undefined> {
  const bySubject = await findUserBySubject(trx, claims.issuer, claims.subject);
  if (bySubject) return bySubject;
  // The built-in provider of demo mode is Knutepunkt itself: its subject is our own user id.
  if (oidc.settings.local && isUuid(claims.subject)) {
    const own = await findUserById(trx, claims.subject);
    if (own && own.oidc_subject === null) return own;
  }
  if (claims.employeeNumber) {
    const byEmployeeNumber = await findUserByEmployeeNumber(trx, claims.employeeNumber);
    if (byEmployeeNumber) return byEmployeeNumber;
  }
  return claims.email ? findUserByEmail(trx, claims.email) : undefined;
}

async function updateUser(trx: IdentityDb, user: UserRow, claims: Claims): Promise<UserRow> {
  const employeeNumberFree =
    claims.employeeNumber !== null &&
    user.employee_number === null &&
    (await findUserByEmployeeNumber(trx, claims.employeeNumber)) === undefined;
  await updateSignedInUser(trx, user.id, {
    oidc_issuer: claims.issuer,
    oidc_subject: claims.subject,
    groups: claims.groups,
    ...(employeeNumberFree ? { employee_number: claims.employeeNumber! } : {}),
    ...(user.email === null && claims.email ? { email: claims.email } : {}),
  });
  return { ...user, groups: claims.groups };
}

async function createUser(trx: IdentityDb, claims: Claims, requestId: string): Promise<UserRow> {
  const user = await insertOidcUser(trx, {
    username: await freeUsername(trx, claims),
    display_name: claims.displayName,
    email: claims.email,
    employee_number: claims.employeeNumber,
    oidc_issuer: claims.issuer,
    oidc_subject: claims.subject,
    groups: claims.groups,
  });
  const actor = await actorForUser(trx, user);
  await recordAudit(
    trx,
    { actor, requestId },
    {
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: { username: user.username, source: 'oidc', issuer: claims.issuer, employeeNumber: claims.employeeNumber },
    },
  );
  return user;
}

/** The provider's own name for the user when free; otherwise made unique with a short suffix. */
async function freeUsername(trx: IdentityDb, claims: Claims): Promise<string> {
  const base = (claims.preferredUsername ?? claims.email ?? claims.employeeNumber ?? `oidc-${claims.subject}`).toLowerCase().slice(0, 180);
  if (!(await usernameTaken(trx, base))) return base;
  for (let n = 2; n < 100; n++) if (!(await usernameTaken(trx, `${base}-${n}`))) return `${base}-${n}`;
  return `${base}-${claims.subject.slice(0, 12)}`;
}

/** By the person's key (the HR employee number), never by name; a person already linked to another sign-in stays so. */
async function linkPerson(trx: IdentityDb, user: UserRow, employeeNumber: string, requestId: string): Promise<void> {
  const organisation = trx as unknown as OrganisationDb;
  const person = await findPersonByKey(organisation, employeeNumber);
  if (!person) return;
  try {
    const actor = await actorForUser(trx, user);
    await linkUser(organisation, { actor, requestId }, { userId: user.id, personId: person.id });
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return;
    throw error;
  }
}
