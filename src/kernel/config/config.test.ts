import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on localhost:3000 in demo mode', () => {
    const config = loadConfig({}, '/srv/kp');
    expect(config).toMatchObject({ host: 'localhost', port: 3000, mode: 'demo' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/kp/data' });
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/kp', DATABASE_POOL_SIZE: '4' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/kp', poolSize: 4 });
  });

  it('explains every mistake in one line each', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', KNUTEPUNKT_MODE: 'test' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/PORT must be a whole number/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL must start with postgres:\/\//);
      for (const problem of problems) expect(problem).not.toContain('\n');
    }
  });

  it('refuses a short or default admin password in production', () => {
    expect(() => loadConfig({ KNUTEPUNKT_MODE: 'production', ADMIN_PASSWORD: 'short' })).toThrow(/at least 12/);
    expect(() => loadConfig({ KNUTEPUNKT_MODE: 'production', ADMIN_PASSWORD: 'knutepunkt-demo' })).toThrow(/at least 12|demo password/);
  });

  it('marks cookies Secure behind an https PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://knutepunkt.drammen.kommune.no' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
  });
});

describe('loadConfig: SMTP', () => {
  it('has no SMTP unless SMTP_URL and SMTP_FROM are both set', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://kp:hemmelig@mail.example.no:587', SMTP_FROM: 'Knutepunkt <ls@example.no>' }).smtp).toEqual({
      url: 'smtp://kp:hemmelig@mail.example.no:587',
      from: 'Knutepunkt <ls@example.no>',
    });
  });

  it('explains SMTP mistakes without repeating the password', () => {
    for (const env of [
      { SMTP_URL: 'http://kp:hemmelig@mail.example.no', SMTP_FROM: 'ls@example.no' },
      { SMTP_URL: 'smtp://kp:hemmelig@mail.example.no' },
      { SMTP_URL: 'smtp://kp:hemmelig@mail.example.no', SMTP_FROM: 'not an address' },
      { SMTP_URL: 'kp:hemmelig@@', SMTP_FROM: 'ls@example.no' },
      { SMTP_FROM: 'ls@example.no' },
    ]) {
      try {
        loadConfig(env);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems).toHaveLength(1);
        expect((error as ConfigError).message).toMatch(/SMTP_/);
        expect((error as ConfigError).message).not.toContain('hemmelig');
      }
    }
  });
});

describe('loadConfig: OUTBOUND_ALLOWED_HOSTS', () => {
  it('allows no internal address unless listed, and explains each bad entry in one line', () => {
    expect(loadConfig({}).outbound).toEqual({ allowedNetworks: [], allowedHosts: [] });
    const config = loadConfig({ OUTBOUND_ALLOWED_HOSTS: '10.20.0.0/16, hooks.intern.kommune.no' });
    expect(config.outbound.allowedNetworks).toHaveLength(1);
    expect(config.outbound.allowedHosts).toEqual(['hooks.intern.kommune.no']);
    try {
      loadConfig({ OUTBOUND_ALLOWED_HOSTS: '10.0.0.0/40 0.0.0.0/0 bad_name' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
      for (const problem of (error as ConfigError).problems) expect(problem).toMatch(/^OUTBOUND_ALLOWED_HOSTS: "[^"\n]+" [^\n]+$/);
    }
  });
});

describe('loadConfig: sign-in limits', () => {
  it('defaults to 60 attempts a minute per address and password hashes on all cores but one, and explains a bad value', () => {
    const config = loadConfig({});
    expect(config.signInAttemptsPerIp).toBe(60);
    expect(config.passwordHashing.concurrency).toBe(Math.max(1, availableParallelism() - 1));
    expect(config.passwordHashing.queue).toBe(8 * config.passwordHashing.concurrency);
    expect(loadConfig({ SIGN_IN_ATTEMPTS_PER_IP: '20', PASSWORD_HASH_CONCURRENCY: '2', PASSWORD_HASH_QUEUE: '0' })).toMatchObject({
      signInAttemptsPerIp: 20,
      passwordHashing: { concurrency: 2, queue: 0 },
    });
    try {
      loadConfig({ SIGN_IN_ATTEMPTS_PER_IP: '0', PASSWORD_HASH_CONCURRENCY: 'two', PASSWORD_HASH_QUEUE: '-1' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'SIGN_IN_ATTEMPTS_PER_IP must be a whole number from 1 to 100000 (got "0").',
        'PASSWORD_HASH_CONCURRENCY must be a whole number from 1 to 64 (got "two").',
        'PASSWORD_HASH_QUEUE must be a whole number from 0 to 10000 (got "-1").',
      ]);
    }
  });

  it('runs the built-in OpenID provider in demo mode, at PUBLIC_URL/oidc, with password sign-in still on', () => {
    const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000/' });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.oidc).toMatchObject({
      issuer: 'http://localhost:3000/oidc',
      clientId: 'knutepunkt-demo',
      local: true,
      personClaim: 'employee_number',
    });
    expect(config.passwordSignIn).toBe('on');
    expect(loadConfig({ OIDC_LOCAL_PROVIDER: 'false' }).oidc).toBeUndefined();
    expect(loadConfig({ KNUTEPUNKT_MODE: 'production' }).oidc).toBeUndefined();
  });

  it('reads the municipality’s provider from OIDC_*, and keeps password sign-in for the break-glass administrator only', () => {
    const config = loadConfig({
      KNUTEPUNKT_MODE: 'production',
      PUBLIC_URL: 'https://knutepunkt.drammen.kommune.no',
      OIDC_ISSUER: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0',
      OIDC_CLIENT_ID: 'app-id',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_SCOPES: 'openid profile email',
      OIDC_PERSON_CLAIM: 'employeeid',
      OIDC_GROUPS_CLAIM: 'roles',
    });
    expect(config.oidc).toMatchObject({
      clientId: 'app-id',
      scopes: ['openid', 'profile', 'email'],
      personClaim: 'employeeid',
      groupsClaim: 'roles',
      displayName: 'Microsoft Entra ID',
      local: false,
    });
    expect(config.passwordSignIn).toBe('break-glass');
  });

  it('explains each OpenID, SCIM and HR feed mistake in one line', () => {
    try {
      loadConfig({
        OIDC_ISSUER: 'http://idp.example.com',
        OIDC_SCOPES: 'profile',
        SCIM_TOKEN: 'short',
        HR_FEED_MAX_REMOVAL_SHARE: '5%',
        PASSWORD_SIGN_IN: 'sometimes',
      });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toEqual([
        expect.stringMatching(/^OIDC_SCOPES must include "openid"/),
        expect.stringMatching(/^OIDC_ISSUER must be an https:\/\/ address/),
        expect.stringMatching(/^OIDC_CLIENT_ID must be set/),
        expect.stringMatching(/^OIDC_CLIENT_SECRET must be set/),
        expect.stringMatching(/^PASSWORD_SIGN_IN must be on, break-glass or off/),
        expect.stringMatching(/^SCIM_TOKEN must be at least 32 characters/),
        expect.stringMatching(/^HR_FEED_MAX_REMOVAL_SHARE must be a share from 0 to 1/),
      ]);
    }
    expect(() => loadConfig({ KNUTEPUNKT_MODE: 'production', PASSWORD_SIGN_IN: 'off' })).toThrow(/nobody could sign in/);
  });
});
