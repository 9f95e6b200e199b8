/**
 * axe-core's WCAG 2.1 A/AA and best-practice checks on a page, as one line per
 * violation (rule, help, the elements), so a failing test says what to fix;
 * none is a pass. (Several older e2e files still carry their own copy of this.)
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
