// A tiny OpenID provider for the tests that need a token no real provider would issue: discovery,
// JWKS and a token endpoint that returns whatever ID token the test crafted (node:http + jose).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export interface FakeOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The next token response carries this ID token (claims merged over sane defaults). */
  issue(claims: JWTPayload, options?: { signWithForeignKey?: boolean }): void;
  close(): Promise<void>;
}

export async function startFakeOidcProvider(): Promise<FakeOidcProvider> {
  const clientId = 'knutepunkt-test';
  const clientSecret = 'fake-provider-secret';
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const kid = 'fake-key-1';
  let issuer = '';
  let next: Promise<string> | undefined;

  const sign = (claims: JWTPayload, key: CryptoKey) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuer, aud: clientId, iat: now, exp: now + 300, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(key);
  };

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (path === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (path === '/jwks') {
      void exportJWK(publicKey).then((jwk) => json(200, { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] }));
      return;
    }
    if (path === '/token' && request.method === 'POST') {
      request.resume();
      request.on('end', () => {
        const token = next;
        next = undefined;
        if (!token) return json(400, { error: 'invalid_grant' });
        void token.then((idToken) =>
          json(200, { access_token: 'fake-access-token', token_type: 'Bearer', expires_in: 300, id_token: idToken }),
        );
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    get issuer() {
      return issuer;
    },
    clientId,
    clientSecret,
    issue(claims, options = {}) {
      next = sign(claims, options.signWithForeignKey ? foreign.privateKey : privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
