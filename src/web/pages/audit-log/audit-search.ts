// The audit log's filters in the URL (`/revisjonslogg?actor=…&page=2`), validated by its route.
export type AuditSearch = {
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const date = (value: unknown) => (typeof value === 'string' && isoDate.test(value) ? value : undefined);
  const page = Number(search.page);
  return {
    entityType: text(search.entityType),
    action: text(search.action),
    actor: text(search.actor),
    from: date(search.from),
    to: date(search.to),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
