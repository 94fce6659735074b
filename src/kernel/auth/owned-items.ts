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

/** One thing a user owns, and whose it is. */
export interface OwnedBy {
  userId: string;
  item: OwnedItem;
}

/** A module's contribution: what the users of `userIds` still own, queried through `executor` in one go. */
export type OwnedItemsSource = (executor: ScopeExecutor, userIds: readonly string[]) => Promise<OwnedBy[]>;

const sources = new Map<string, OwnedItemsSource>();

/** Modules register at import time (their index.ts); the identity module's reassignment list asks. */
export function registerOwnedItems(kind: string, source: OwnedItemsSource): void {
  sources.set(kind, source);
}

/**
 * Everything each of `userIds` still owns, from every registered module: one query per source for
 * all the users together, one source after another (one connection in a transaction). A user who
 * owns nothing is not in the map.
 */
export async function ownedItemsOf(executor: ScopeExecutor, userIds: readonly string[]): Promise<Map<string, OwnedItem[]>> {
  const owned = new Map<string, OwnedItem[]>();
  if (userIds.length === 0) return owned;
  for (const source of sources.values())
    for (const { userId, item } of await source(executor, userIds)) {
      const items = owned.get(userId);
      if (items) items.push(item);
      else owned.set(userId, [item]);
    }
  return owned;
}
