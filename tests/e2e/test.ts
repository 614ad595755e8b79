/**
 * The e2e suite's `test`: Playwright's, plus an automatic guard that fails any test in whose
 * pages the Content Security Policy blocked something (DESIGN.md: the CSP holds for every
 * feature). Specs import `test` and `expect` from here instead of '@playwright/test'.
 */
import { test as base, expect } from '@playwright/test';

export * from '@playwright/test';

/** Chromium's console report of a blocked load, script, style, worker or frame. */
const CSP_MESSAGE = /Content[- ]Security[- ]Policy|CSP violation/i;

/** Annotation type for the one test that provokes a violation on purpose to see it reported. */
export const EXPECTS_CSP_VIOLATION = 'expects-csp-violation';

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use, testInfo) => {
      const seen: string[] = [];
      // The DOM event names the directive and the blocked address; the console catches the rest.
      await context.addInitScript(() => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) => console.warn(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
          true,
        );
      });
      context.on('console', (m) => {
        if (CSP_MESSAGE.test(m.text())) seen.push(m.text());
      });
      await use();
      if (testInfo.annotations.some((a) => a.type === EXPECTS_CSP_VIOLATION)) return;
      expect(seen, 'Content Security Policy violations in this test').toEqual([]);
    },
    { auto: true },
  ],
});
