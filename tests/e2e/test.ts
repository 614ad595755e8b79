/**
 * The e2e suite's `test`: Playwright's, plus an automatic guard that fails any test in whose
 * pages or workers the Content Security Policy blocked something (DESIGN.md: the CSP holds for
 * every feature). Specs import `test` and `expect` from here instead of '@playwright/test'.
 */
import { test as base, expect, type BrowserContext, type Frame, type Page } from '@playwright/test';

export * from '@playwright/test';

/** Chromium's console report of a blocked load, script, style, worker or frame. */
const CSP_MESSAGE = /Content[- ]Security[- ]Policy|CSP violation/i;

/** Annotation type for the one test that provokes a violation on purpose to see it reported. */
export const EXPECTS_CSP_VIOLATION = 'expects-csp-violation';

/**
 * Collects what Chromium logs for the workers of `target` (a page, or a frame in a process of its
 * own). Playwright drops those log entries (it only relays a worker's console calls), and a
 * worker runs under the CSP of its own HTTP response, so its violations are reported only there.
 * Log.enable replays the entries logged so far, so attaching after the worker started misses none.
 */
async function watchWorkerLog(
  context: BrowserContext,
  target: Page | Frame,
  seen: string[],
): Promise<void> {
  try {
    const cdp = await context.newCDPSession(target);
    cdp.on('Log.entryAdded', ({ entry }) => {
      if (entry.source === 'worker' && CSP_MESSAGE.test(entry.text)) seen.push(entry.text);
    });
    await cdp.send('Log.enable');
  } catch {
    // A frame in its page's process has no session of its own (the page's covers it), and a
    // page or frame may close first.
  }
}

export const test = base.extend<{ cspSeen: string[]; cspGuard: void }>({
  /** The violations the guard has seen so far (for the tests that provoke one on purpose). */
  // eslint-disable-next-line no-empty-pattern
  cspSeen: [async ({}, use) => use([]), { scope: 'test' }],
  cspGuard: [
    async ({ context, cspSeen: seen }, use, testInfo) => {
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
      const attaching: Promise<void>[] = [];
      context.on('page', (page) => {
        attaching.push(watchWorkerLog(context, page, seen));
        // Cross-site frames (an embed on another origin) run in processes of their own.
        page.on('framenavigated', (frame) => {
          if (frame !== page.mainFrame()) attaching.push(watchWorkerLog(context, frame, seen));
        });
      });
      await use();
      await Promise.all(attaching);
      if (testInfo.annotations.some((a) => a.type === EXPECTS_CSP_VIOLATION)) return;
      expect(seen, 'Content Security Policy violations in this test').toEqual([]);
    },
    { auto: true },
  ],
});
