// Test helper: SCIM requests as a provisioning client makes them (bearer token, SCIM's media type).
import type { TestApp } from '../../../../../test/helpers/test-app.js';

export const testScimToken = 'scim-test-token-0123456789abcdef0123456789abcdef';
export const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const enterpriseSchema = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const patchOpSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface ScimResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Record<string, unknown>;
}

export function scimClient(testApp: TestApp, token = testScimToken) {
  return async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ScimResponse> => {
    const response = await testApp.knutepunkt.app.inject({
      method,
      url: `/scim/v2${url}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body ? (response.json() as Record<string, unknown>) : {},
    };
  };
}

/** A SCIM error body as RFC 7644 §3.12 shapes it, never the kernel's { error: … }. */
export function expectScimError(response: ScimResponse, status: number, scimType?: string): void {
  const expected: Record<string, unknown> = { schemas: [errorSchema], status: String(status) };
  if (scimType) expected.scimType = scimType;
  if (response.status !== status || JSON.stringify(Object.keys(response.body).filter((k) => k === 'error')) !== '[]') {
    throw new Error(`expected a SCIM ${status} ${scimType ?? ''}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  for (const [key, value] of Object.entries(expected)) {
    if (JSON.stringify(response.body[key]) !== JSON.stringify(value)) {
      throw new Error(`expected ${key}=${JSON.stringify(value)}, got ${JSON.stringify(response.body)}`);
    }
  }
  if (typeof response.body.detail !== 'string' || response.body.detail.length === 0) throw new Error('a SCIM error needs a detail');
  if (!scimType && 'scimType' in response.body) throw new Error(`unexpected scimType in ${JSON.stringify(response.body)}`);
}
