import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseOutboundAllowList, type OutboundPolicy } from '../net/outbound.js';

/** Everything Knutepunkt reads from the environment, checked once at start-up. */
export interface Config {
  host: string;
  port: number;
  /** `demo` creates demo accounts (embedded database only); `production` refuses default passwords. */
  mode: 'demo' | 'production';
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Mark cookies Secure: on when PUBLIC_URL is https, or when set explicitly. */
  secureCookies: boolean;
  /** PUBLIC_URL is https: responses then carry Strict-Transport-Security. */
  httpsPublicUrl: boolean;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy: boolean;
  sessionHours: number;
  /** The first administrator's password on an empty production database. */
  adminPassword: string | undefined;
  webDir: string;
  /** Where e-mail goes (SMTP_URL, SMTP_FROM); none: e-mails stay in the outbox, unsent. */
  smtp: SmtpConfig | undefined;
  /** Sign-in attempts one address may make a minute, whatever the usernames (SIGN_IN_ATTEMPTS_PER_IP). */
  signInAttemptsPerIp: number;
  /** Password hashes run at once, and how many may wait for a turn before the rest are refused (PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE). */
  passwordHashing: { concurrency: number; queue: number };
  /** Internal networks and hosts that webhooks and other outgoing connections may reach (OUTBOUND_ALLOWED_HOSTS). */
  outbound: OutboundPolicy;
  /** Where users reach Knutepunkt (PUBLIC_URL, no trailing slash): the OpenID redirect address is made from it. */
  publicUrl: string;
  /** Sign-in through the municipality's identity provider; in demo mode without OIDC_ISSUER, the built-in provider. */
  oidc: OidcConfig | undefined;
  /**
   * Password sign-in (PASSWORD_SIGN_IN): `on` for everyone with a password, `break-glass` only for
   * local administrator accounts (when the identity provider is down), `off` for no one.
   */
  passwordSignIn: 'on' | 'break-glass' | 'off';
  /** The bearer token Entra ID (or another provisioning client) sends to /scim/v2 (SCIM_TOKEN); none: SCIM is closed. */
  scimToken: string | undefined;
  /** The HR system's feed of people and assignments. */
  hrFeed: HrFeedConfig;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Holds a secret: never log it. */
  clientSecret: string;
  scopes: string[];
  /** The claim that identifies the person in the organisation (the HR employee number). */
  personClaim: string;
  /** The claim with the e-mail address, a fallback for finding an existing user. */
  emailClaim: string;
  /** The claim listing the user's groups, mapped to roles by administrators. */
  groupsClaim: string;
  /** The name on the «Logg inn med …» button. */
  displayName: string;
  /** The built-in provider of demo mode (served by Knutepunkt itself under /oidc). */
  local: boolean;
}

export interface HrFeedConfig {
  /** A folder the HR system drops its files in (HR_FEED_DIR). */
  dir: string | undefined;
  /** The bearer token for pushing a file to the API (HR_FEED_TOKEN); none: the endpoint is closed. */
  token: string | undefined;
  /** A feed that would remove more than this share of the people is refused (HR_FEED_MAX_REMOVAL_SHARE). */
  maxRemovalShare: number;
  /** How often the folder is read (HR_FEED_INTERVAL_SECONDS). */
  intervalSeconds: number;
}

/** The demo's built-in OpenID provider's one client. Known values: demo mode only. */
export const localOidcClient = { clientId: 'knutepunkt-demo', clientSecret: 'knutepunkt-demo-secret' } as const;

export interface SmtpConfig {
  /** smtp://user:password@host:port or smtps://… (holds the password: never log it). */
  url: string;
  /** The sender, «Knutepunkt <lederstotte@kommune.no>» or a plain address. */
  from: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the environment. Every mistake is explained in one line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];

  const host = env.HOST?.trim() || 'localhost';

  let port = 3000;
  if (env.PORT !== undefined && env.PORT.trim() !== '') {
    const parsed = Number(env.PORT);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
      problems.push(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}").`);
    } else port = parsed;
  }

  let database: Config['database'];
  const url = env.DATABASE_URL?.trim();
  if (url) {
    let parsedUrl: URL | undefined;
    try {
      parsedUrl = new URL(url);
    } catch {
      problems.push('DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database.');
    }
    if (parsedUrl && parsedUrl.protocol !== 'postgres:' && parsedUrl.protocol !== 'postgresql:') {
      problems.push(`DATABASE_URL must start with postgres:// or postgresql:// (got "${parsedUrl.protocol}//").`);
    }
    let poolSize = 10;
    if (env.DATABASE_POOL_SIZE) {
      const parsed = Number(env.DATABASE_POOL_SIZE);
      if (!Number.isInteger(parsed) || parsed < 1 || parsed > 200) {
        problems.push(`DATABASE_POOL_SIZE must be a whole number from 1 to 200 (got "${env.DATABASE_POOL_SIZE}").`);
      } else poolSize = parsed;
    }
    database = { kind: 'postgres', url, poolSize };
  } else {
    database = { kind: 'pglite', dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || 'data') };
  }

  const modeRaw = (env.KNUTEPUNKT_MODE?.trim() || (env.NODE_ENV === 'production' ? 'production' : 'demo')).toLowerCase();
  let mode: Config['mode'] = 'demo';
  if (modeRaw === 'demo' || modeRaw === 'production') mode = modeRaw;
  else problems.push(`KNUTEPUNKT_MODE must be "demo" or "production" (got "${env.KNUTEPUNKT_MODE}").`);

  const logLevelRaw = (env.LOG_LEVEL?.trim() || 'info').toLowerCase();
  let logLevel: Config['logLevel'] = 'info';
  if ((logLevels as readonly string[]).includes(logLevelRaw)) logLevel = logLevelRaw as Config['logLevel'];
  else problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${env.LOG_LEVEL}").`);

  let secureCookies = false;
  let httpsPublicUrl = false;
  let publicUrl = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  if (env.PUBLIC_URL) {
    try {
      const parsed = new URL(env.PUBLIC_URL);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
      httpsPublicUrl = secureCookies = parsed.protocol === 'https:';
      publicUrl = env.PUBLIC_URL.trim().replace(/\/+$/, '');
    } catch {
      problems.push(`PUBLIC_URL must be an http:// or https:// address, like https://knutepunkt.kommune.no (got "${env.PUBLIC_URL}").`);
    }
  }
  const secureRaw = env.SECURE_COOKIES?.trim().toLowerCase();
  if (secureRaw) {
    if (secureRaw === 'true' || secureRaw === '1') secureCookies = true;
    else if (secureRaw === 'false' || secureRaw === '0') secureCookies = false;
    else problems.push(`SECURE_COOKIES must be true or false (got "${env.SECURE_COOKIES}").`);
  }

  const trustRaw = env.TRUST_PROXY?.trim().toLowerCase();
  let trustProxy = false;
  if (trustRaw) {
    if (trustRaw === 'true' || trustRaw === '1') trustProxy = true;
    else if (trustRaw !== 'false' && trustRaw !== '0') problems.push(`TRUST_PROXY must be true or false (got "${env.TRUST_PROXY}").`);
  }

  let sessionHours = 12;
  if (env.SESSION_HOURS) {
    const parsed = Number(env.SESSION_HOURS);
    if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 24 * 30) {
      problems.push(`SESSION_HOURS must be a number of hours from 1 to 720 (got "${env.SESSION_HOURS}").`);
    } else sessionHours = parsed;
  }

  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (mode === 'production' && adminPassword !== undefined && adminPassword.length < 12) {
    problems.push('ADMIN_PASSWORD must be at least 12 characters long.');
  }
  if (mode === 'production' && adminPassword !== undefined && adminPassword === demoPassword) {
    problems.push('ADMIN_PASSWORD must not be the demo password; choose your own.');
  }

  const smtp = readSmtp(env, problems);

  const signInAttemptsPerIp = readWholeNumber(env, 'SIGN_IN_ATTEMPTS_PER_IP', 60, 1, 100_000, problems);
  // One core is left for everything else: with argon2 on every core a sign-in flood from many
  // addresses made other users' reads several times slower (scripts/bench-sign-in.ts). Waiting costs
  // no CPU, so the queue can be longer than the slots.
  const concurrency = readWholeNumber(env, 'PASSWORD_HASH_CONCURRENCY', Math.max(1, availableParallelism() - 1), 1, 64, problems);
  const queue = readWholeNumber(env, 'PASSWORD_HASH_QUEUE', 8 * concurrency, 0, 10_000, problems);
  const outbound = parseOutboundAllowList(env.OUTBOUND_ALLOWED_HOSTS, 'OUTBOUND_ALLOWED_HOSTS');
  problems.push(...outbound.problems);

  const oidc = readOidc(env, mode, publicUrl, problems);
  const passwordSignIn = readPasswordSignIn(env, mode, oidc, problems);
  const scimToken = readToken(env, 'SCIM_TOKEN', problems);
  const hrFeed: HrFeedConfig = {
    dir: env.HR_FEED_DIR?.trim() ? path.resolve(cwd, env.HR_FEED_DIR.trim()) : undefined,
    token: readToken(env, 'HR_FEED_TOKEN', problems),
    maxRemovalShare: readShare(env, 'HR_FEED_MAX_REMOVAL_SHARE', 0.05, problems),
    intervalSeconds: readWholeNumber(env, 'HR_FEED_INTERVAL_SECONDS', 300, 10, 86_400, problems),
  };

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    host,
    port,
    mode,
    database,
    logLevel,
    secureCookies,
    httpsPublicUrl,
    trustProxy,
    sessionHours,
    adminPassword,
    webDir: path.resolve(cwd, env.WEB_DIR?.trim() || 'dist/web'),
    smtp,
    outbound: outbound.policy,
    signInAttemptsPerIp,
    passwordHashing: { concurrency, queue },
    publicUrl,
    oidc,
    passwordSignIn,
    scimToken,
    hrFeed,
  };
}

function readOidc(env: NodeJS.ProcessEnv, mode: Config['mode'], publicUrl: string, problems: string[]): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  const claims = {
    personClaim: env.OIDC_PERSON_CLAIM?.trim() || 'employee_number',
    emailClaim: env.OIDC_EMAIL_CLAIM?.trim() || 'email',
    groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || 'groups',
  };
  const scopesRaw = env.OIDC_SCOPES?.trim() || 'openid profile email';
  const scopes = scopesRaw.split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) problems.push(`OIDC_SCOPES must include "openid" (got "${scopesRaw}").`);
  if (!issuer) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'])
      if (env[name]?.trim()) problems.push(`${name} is set but OIDC_ISSUER is not; set OIDC_ISSUER to the provider's issuer address.`);
    if (mode !== 'demo' || env.OIDC_LOCAL_PROVIDER?.trim().toLowerCase() === 'false') return undefined;
    // Demo mode signs in through a provider of its own, so demo, tests and production share one path.
    return {
      issuer: `${publicUrl}/oidc`,
      ...localOidcClient,
      scopes: ['openid', 'profile', 'email', 'groups'],
      ...claims,
      groupsClaim: 'groups',
      displayName: env.OIDC_DISPLAY_NAME?.trim() || 'Knutepunkt demo-ID',
      local: true,
    };
  }
  let issuerUrl: URL | undefined;
  try {
    issuerUrl = new URL(issuer);
    if (issuerUrl.protocol !== 'https:' && !(issuerUrl.protocol === 'http:' && isLoopback(issuerUrl.hostname))) {
      problems.push(`OIDC_ISSUER must be an https:// address (http:// only on this machine) (got "${issuer}").`);
    }
  } catch {
    problems.push(`OIDC_ISSUER is not a valid URL, like https://login.microsoftonline.com/<tenant-id>/v2.0 (got "${issuer}").`);
  }
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!clientId) problems.push('OIDC_CLIENT_ID must be set when OIDC_ISSUER is: the application (client) id registered at the provider.');
  if (!clientSecret) problems.push('OIDC_CLIENT_SECRET must be set when OIDC_ISSUER is: the client secret registered at the provider.');
  return {
    issuer,
    clientId: clientId ?? '',
    clientSecret: clientSecret ?? '',
    scopes,
    ...claims,
    displayName: env.OIDC_DISPLAY_NAME?.trim() || (issuerUrl ? displayNameOf(issuerUrl) : 'kommunens innlogging'),
    local: false,
  };
}

function displayNameOf(issuer: URL): string {
  if (issuer.hostname === 'login.microsoftonline.com') return 'Microsoft Entra ID';
  return issuer.hostname;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function readPasswordSignIn(
  env: NodeJS.ProcessEnv,
  mode: Config['mode'],
  oidc: OidcConfig | undefined,
  problems: string[],
): Config['passwordSignIn'] {
  const raw = env.PASSWORD_SIGN_IN?.trim().toLowerCase();
  if (!raw) return mode === 'production' && oidc ? 'break-glass' : 'on';
  if (raw === 'on' || raw === 'break-glass' || raw === 'off') {
    if (raw === 'off' && !oidc) problems.push('PASSWORD_SIGN_IN is off but OIDC_ISSUER is not set: nobody could sign in.');
    return raw;
  }
  problems.push(`PASSWORD_SIGN_IN must be on, break-glass or off (got "${env.PASSWORD_SIGN_IN}").`);
  return 'on';
}

function readToken(env: NodeJS.ProcessEnv, name: string, problems: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (raw.length < 32)
    problems.push(`${name} must be at least 32 characters long (a random secret, like the output of "openssl rand -hex 32").`);
  return raw;
}

function readShare(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const parsed = Number(raw);
  if (/^\d*\.?\d+$/.test(raw) && parsed >= 0 && parsed <= 1) return parsed;
  problems.push(`${name} must be a share from 0 to 1, like 0.05 for 5 % (got "${env[name]}").`);
  return fallback;
}

function readWholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const parsed = Number(raw);
  if (/^\d+$/.test(raw) && parsed >= min && parsed <= max) return parsed;
  problems.push(`${name} must be a whole number from ${min} to ${max} (got "${env[name]}").`);
  return fallback;
}

// SMTP_URL holds a password: messages name the host at most, never the URL.
function readSmtp(env: NodeJS.ProcessEnv, problems: string[]): SmtpConfig | undefined {
  const url = env.SMTP_URL?.trim();
  const from = env.SMTP_FROM?.trim();
  if (!url) {
    if (from) problems.push('SMTP_FROM is set but SMTP_URL is not; set both to send e-mail, or neither.');
    return undefined;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    problems.push('SMTP_URL is not a valid URL; expected smtp://user:password@host:587 or smtps://user:password@host:465.');
  }
  if (parsed) {
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
      problems.push(`SMTP_URL must start with smtp:// or smtps:// (got "${parsed.protocol}//").`);
    } else if (!parsed.hostname) problems.push('SMTP_URL has no host; expected smtp://user:password@host:587.');
  }
  if (!from)
    problems.push('SMTP_FROM must be set when SMTP_URL is: the sender address, for example "Knutepunkt <lederstotte@kommune.no>".');
  else if (!/^(?:[^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/.test(from)) {
    problems.push(`SMTP_FROM must be an e-mail address or "Name <address>" (got "${from}").`);
  }
  return from ? { url, from } : undefined;
}

/** The one password every demo account has. Never accepted in production mode. */
export const demoPassword = 'knutepunkt-demo';
