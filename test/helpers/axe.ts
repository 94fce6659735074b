// axe with the WCAG 2.1 A and AA rules, for every browser test (the app's pages and the kit's pieces).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Runs axe and fails with a readable list of what it found (rule, impact, where and why). */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // What is fading in (a dialog, a list) is checked as people see it once it is there, not half-transparent.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`,
  );
  expect(found, `axe on ${label}`).toEqual([]);
}
