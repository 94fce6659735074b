// RFC 7643 §5–7 discovery: what this endpoint supports, told to clients that ask (Entra ID does not,
// but other provisioning clients and conformance tools do).
import { enterpriseSchema, groupSchema, listResponseSchema, userSchema } from './scim-schema.js';

const configSchema = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const resourceTypeSchema = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const schemaSchema = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** Filters return at most this many resources a page. */
export const maxResults = 200;

export function serviceProviderConfig(baseUrl: string): Record<string, unknown> {
  return {
    schemas: [configSchema],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'The SCIM_TOKEN set on the server, sent as "Authorization: Bearer <token>".',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(baseUrl: string): Record<string, unknown>[] {
  return [
    {
      schemas: [resourceTypeSchema],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'A Knutepunkt user (sign-in)',
      schema: userSchema,
      schemaExtensions: [{ schema: enterpriseSchema, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [resourceTypeSchema],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'A group; its name maps to roles in the user administration',
      schema: groupSchema,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

function attribute(name: string, options: Partial<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    name,
    type: 'string',
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

/** The attributes Knutepunkt keeps; the other core attributes are accepted and not stored. */
export function schemas(baseUrl: string): Record<string, unknown>[] {
  const meta = (id: string) => ({ resourceType: 'Schema', location: `${baseUrl}/Schemas/${id}` });
  return [
    {
      schemas: [schemaSchema],
      id: userSchema,
      name: 'User',
      description: 'User Account',
      attributes: [
        attribute('userName', { required: true, uniqueness: 'server' }),
        attribute('displayName'),
        attribute('externalId', { caseExact: true }),
        attribute('active', { type: 'boolean' }),
        attribute('emails', {
          type: 'complex',
          multiValued: true,
          subAttributes: [attribute('value'), attribute('type', { canonicalValues: ['work'] }), attribute('primary', { type: 'boolean' })],
        }),
      ],
      meta: meta(userSchema),
    },
    {
      schemas: [schemaSchema],
      id: enterpriseSchema,
      name: 'EnterpriseUser',
      description: 'Enterprise User',
      attributes: [attribute('employeeNumber', { caseExact: true, uniqueness: 'server' })],
      meta: meta(enterpriseSchema),
    },
    {
      schemas: [schemaSchema],
      id: groupSchema,
      name: 'Group',
      description: 'Group',
      attributes: [
        attribute('displayName', { required: true, uniqueness: 'server' }),
        attribute('externalId', { caseExact: true }),
        attribute('members', {
          type: 'complex',
          multiValued: true,
          subAttributes: [
            attribute('value', { mutability: 'immutable', caseExact: true }),
            attribute('display', { mutability: 'readOnly' }),
            attribute('$ref', { type: 'reference', referenceTypes: ['User'], mutability: 'immutable' }),
          ],
        }),
      ],
      meta: meta(groupSchema),
    },
  ];
}

export function listResponse(resources: Record<string, unknown>[], total: number, startIndex: number): Record<string, unknown> {
  return { schemas: [listResponseSchema], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}
