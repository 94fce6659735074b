import type { WriteContext } from '../../../../kernel/index.js';

/** Who SCIM writes are audited as: no signed-in user, the provisioning client by name. */
export const scimActorName = 'SCIM (Entra ID)';

export function scimWriteContext(requestId: string): WriteContext {
  return { actor: null, actorName: scimActorName, requestId };
}
