import type { FastifyRequest } from 'fastify';
import type { WriteContext } from '../audit/audit.js';

/** The audit context of a request: who is writing, and the request id to trace it by. */
export function writeContext(request: FastifyRequest): WriteContext {
  return { actor: request.actor, requestId: request.id };
}
