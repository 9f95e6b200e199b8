/**
 * 3. Cold start offline: a phone that has opened the app once (service worker
 * installed, shell precached) is closed, the network is cut
 * (context.setOffline(true)) and the page's CPU throttled 4× before it opens
 * the app again. Measured in the page from navigation start (performance
 * timeOrigin) to the `focusin` of the capture field, then checked typeable by
 * typing into it. The service worker itself is not throttled (CDP throttles a
 * target; the worker is another one).
 */
import { launchPhone, throttle } from '../lib/browser.ts';
import { openApp } from '../../tests/e2e/support.ts';
import { median, round, sleep } from '../lib/stats.ts';
import type { Figure } from '../lib/result.ts';

declare const __focusAt: number | undefined;

const FOCUS_PROBE = `document.addEventListener('focusin', (e) => {
  if (e.target && e.target.id === 'idea-title' && window.__focusAt === undefined) window.__focusAt = performance.now();
}, true);`;

export async function coldStartFigures(baseUrl: string, runs = 7) {
  const first = await launchPhone(baseUrl);
  const profile = first.profile;
  const times: number[] = [];
  const fcps: number[] = [];
  try {
    await openApp(first.page);
    await first.page.waitForSelector('#idea-title');
    await sleep(1500); // let the precache finish
    await first.context.close();
    for (let i = 0; i < runs; i++) {
      const phone = await launchPhone(baseUrl, { profile, initScript: FOCUS_PROBE, offline: true });
      try {
        await throttle(phone.page, 4);
        await phone.page.goto('/');
        await phone.page.waitForFunction(() => typeof __focusAt === 'number', null, {
          timeout: 30_000,
        });
        await phone.page.keyboard.type('x');
        const typed = await phone.page.inputValue('#idea-title');
        if (typed !== 'x')
          throw new Error(`capture field not typeable (value ${JSON.stringify(typed)})`);
        const t = await phone.page.evaluate(() => ({
          focus: __focusAt ?? Number.NaN,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
          controlled: navigator.serviceWorker.controller !== null,
        }));
        if (!t.controlled) throw new Error('page was not served by the service worker');
        times.push(t.focus);
        fcps.push(t.fcp);
      } finally {
        await phone.context.close();
      }
    }
  } finally {
    await first.close();
  }
  const s = '3. Cold start offline';
  const figures: Figure[] = [
    {
      section: s,
      name: `Offline cold start → capture field focused and typeable, 4× CPU, median of ${runs}`,
      value: round(median(times), 0),
      unit: 'ms',
      goal: { op: '<=', target: 1000 },
      note: `runs: ${times.map((t) => round(t, 0)).join(', ')} ms`,
    },
    {
      section: s,
      name: 'First contentful paint, same runs, median',
      value: round(median(fcps), 0),
      unit: 'ms',
    },
  ];
  return { figures, detail: { times, fcps } };
}
