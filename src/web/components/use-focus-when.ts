import { useEffect, useRef } from 'react';

/**
 * Focus moves to an element (give it tabIndex -1) when the condition turns true: after a save, a
 * keyboard or screen-reader user hears the confirmation and continues from there.
 */
export function useFocusWhen<T extends HTMLElement = HTMLDivElement>(condition: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (condition) ref.current?.focus();
  }, [condition]);
  return ref;
}
