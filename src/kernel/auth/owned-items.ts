import type { ScopeExecutor } from './permissions.js';

/**
 * Something a user is responsible for that must go to someone else when the user is disabled: an
 * open request, an initiative, a political decision. `href` is the page where it can be reassigned.
 */
export interface OwnedItem {
  kind: string;
  id: string;
  title: string;
  href: string;
  /** When the user became responsible, when known (ISO timestamp or 'YYYY-MM-DD'). */
  since?: string | null;
}

/** A module's contribution: what `userId` still owns, queried through `executor`. */
export type OwnedItemsSource = (executor: ScopeExecutor, userId: string) => Promise<OwnedItem[]>;

const sources = new Map<string, OwnedItemsSource>();

/** Modules register at import time (their index.ts); the identity module's reassignment list asks. */
export function registerOwnedItems(kind: string, source: OwnedItemsSource): void {
  sources.set(kind, source);
}

/** Everything `userId` still owns, from every registered module, one source after another (one connection in a transaction). */
export async function ownedItemsOf(executor: ScopeExecutor, userId: string): Promise<OwnedItem[]> {
  const items: OwnedItem[] = [];
  for (const source of sources.values()) items.push(...(await source(executor, userId)));
  return items;
}
