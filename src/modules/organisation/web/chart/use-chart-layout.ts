import { useEffect, useRef, useState } from 'react';
import { layoutTree, type LayoutResult } from './tidy-layout';

export type Placed<T> = { items: T[]; layout: LayoutResult };

// One layout worker for the whole visit, started as soon as the chart's code loads (see
// prepareLayoutWorker), so its start-up overlaps the organisation's download instead of
// following it. Request ids are unique across charts; each chart ignores answers not meant for it.
let worker: Worker | null | undefined;
let nextRequestId = 0;

function layoutWorker(): Worker | null {
  if (worker === undefined) {
    try {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      // No workers (a very old browser or a strict policy): lay out on the main thread instead.
      worker = null;
    }
  }
  return worker;
}

/** Starts the layout worker ahead of the first chart. */
export function prepareLayoutWorker(): void {
  layoutWorker();
}

/**
 * Lays out `items` (whose parent indices are `parents`) in the Web Worker and returns the newest
 * finished layout together with the items it was made for, so what is drawn always matches its
 * positions. While a new layout is on its way the previous one stays on screen.
 */
export function useChartLayout<T>(items: T[], parents: Int32Array): { placed: Placed<T> | null; computing: boolean } {
  const latest = useRef(-1);
  const pending = useRef(new Map<number, T[]>());
  const [placed, setPlaced] = useState<Placed<T> | null>(null);

  useEffect(() => {
    const current = layoutWorker();
    if (!current) return;
    const onMessage = (event: MessageEvent<LayoutResult>) => {
      const result = event.data;
      const forItems = pending.current.get(result.requestId);
      if (!forItems) return;
      pending.current.delete(result.requestId);
      if (result.requestId === latest.current) setPlaced({ items: forItems, layout: result });
    };
    current.addEventListener('message', onMessage);
    return () => current.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    const requestId = ++nextRequestId;
    latest.current = requestId;
    const current = layoutWorker();
    if (current) {
      pending.current.clear();
      pending.current.set(requestId, items);
      // A copy: the worker gets its own buffer.
      current.postMessage({ requestId, parents: parents.slice() });
      return;
    }
    // Fallback: after this frame, so the "computing" status can show first.
    const timer = setTimeout(() => {
      if (requestId === latest.current) setPlaced({ items, layout: layoutTree({ requestId, parents }) });
    }, 0);
    return () => clearTimeout(timer);
  }, [items, parents]);

  // Computing until the layout shown is the one for the items asked for.
  return { placed, computing: placed?.items !== items };
}
