import { apiRequest } from '../../../web/data/client';
import type {
  AllocateBody,
  Allocations,
  CapacityReport,
  CreateMemberBody,
  PoolMember,
  PoolMembers,
  PutCapacityBody,
  UpdateMemberBody,
} from '../pool.schemas';

export const poolKeys = {
  members: ['portfolio', 'pool', 'members'] as const,
  capacity: (from: string, months: number) => ['portfolio', 'pool', 'capacity', from, months] as const,
  allocations: (initiative: string) => ['portfolio', 'pool', 'allocations', initiative] as const,
};

export const fetchMembers = () => apiRequest<PoolMembers>('GET', '/api/portfolio/pool/members');
export const createMember = (body: CreateMemberBody) => apiRequest<PoolMember>('POST', '/api/portfolio/pool/members', body);
export const updateMember = ({ id, ...body }: UpdateMemberBody & { id: string }) =>
  apiRequest<PoolMember>('PUT', `/api/portfolio/pool/members/${id}`, body);
export const putMemberCapacity = ({ id, ...body }: PutCapacityBody & { id: string }) =>
  apiRequest<PutCapacityBody>('PUT', `/api/portfolio/pool/members/${id}/capacity`, body);
export const fetchCapacity = (from: string, months: number) =>
  apiRequest<CapacityReport>('GET', `/api/portfolio/pool/capacity?from=${from}&months=${months}`);
export const fetchAllocations = (initiative: string) =>
  apiRequest<Allocations>('GET', `/api/portfolio/pool/allocations?initiative=${encodeURIComponent(initiative)}`);
export const allocate = (body: AllocateBody) =>
  apiRequest<{ written: number; overrides: number }>('PUT', '/api/portfolio/pool/allocations', body);

/** This month, YYYY-MM (local time). */
export function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
