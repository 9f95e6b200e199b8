/**
 * 8. Lighthouse accessibility of the screens a ward uses (issue 17's "Lighthouse
 * accessibility 100 on every screen touched"): capture, the huddle on a phone
 * and as the facilitator sees it, the TV board at 1920×1080 and a board link's
 * read-only view, the tablet layout at 1024×768, the PDSA page, a measure's
 * chart, the review pack, Team and Settings. A ward is set up first in the app
 * itself (bench/lib/ward.ts): Asha starts it and captures ideas, Ben joins, a
 * huddle, a test of change with a measure, a challenge. Lighthouse audits each
 * screen in the phone's own Chromium (its DevTools port, storage kept), so it
 * sees what that person sees; the board link is opened in a fresh browser, as
 * a ward TV that never joined would. The goal is 100 on each.
 */
import type { Figure } from '../lib/result.ts';
import {
  auditPhone,
  closeVoting,
  makeBoardLink,
  startChallenge,
  startHuddle,
  startWard,
  testOfChange,
  voteOnce,
  type AuditPhone,
} from '../lib/ward.ts';
import { categoryScore, runLighthouse, type RunOptions } from './lighthouse.ts';

export const SCREENS_SECTION = '8. Accessibility of the screens a ward uses';

const TV = { width: 1920, height: 1080, mobile: false } as const;
const TABLET = { width: 1024, height: 768, mobile: true } as const;

export async function screensA11yFigures(baseUrl: string, log: (s: string) => void = () => {}) {
  const figures: Figure[] = [];
  const failing: Record<string, Record<string, string[]>> = {};
  const audit = async (name: string, path: string, o: RunOptions & { who?: AuditPhone } = {}) => {
    log(`Lighthouse: ${name}`);
    const { who, ...rest } = o;
    const r = await runLighthouse(baseUrl + path, ['accessibility'], {
      maxWaitForLoadMs: 15_000,
      ...rest,
      ...(who ? { port: who.port } : {}),
    });
    const screen = o.screen ? `${o.screen.width}×${o.screen.height}` : 'mobile';
    // The path as a pattern (/huddles/:id), so the figure's name is the same in every run.
    const shown = (path.split('#')[0] ?? '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    figures.push({
      section: SCREENS_SECTION,
      name: `Lighthouse ${r.lighthouseVersion} ${screen} accessibility: ${name} (${shown})`,
      value: categoryScore(r, 'accessibility'),
      unit: '/100',
      goal: { op: '>=', target: 100 },
    });
    const found = Object.fromEntries(
      Object.entries(r.audits)
        .filter(([, a]) => a?.score === 0)
        .map(([k, a]) => [
          k,
          (a?.details?.items ?? []).map((i) => i.node?.selector ?? i.node?.snippet ?? '?'),
        ]),
    );
    if (Object.keys(found).length > 0) failing[name] = found;
    log(`  ${categoryScore(r, 'accessibility') ?? '?'}/100 ${JSON.stringify(found)}`);
  };

  const asha = await auditPhone(baseUrl);
  const ben = await auditPhone(baseUrl);
  let error: string | null = null;
  try {
    log('setting up the ward in the app');
    await startWard(asha.page, ben.page);
    await asha.page.goto('/');
    await audit('capture (home), facilitator', '/', { who: asha });
    await audit('capture at 1024×768 (tablet layout)', '/', { who: asha, screen: TABLET });
    await audit('settings', '/settings', { who: asha });

    const huddle = await startHuddle(asha.page);
    const link = await makeBoardLink(asha.page);
    await audit('team, as facilitator, with a board link', '/team', { who: asha });
    await voteOnce(ben.page, huddle);
    await audit('capture (home) with the open-huddle banner, member', '/', { who: ben });
    await audit('huddle: voting on a phone', huddle, { who: ben });
    await audit('huddle: voting at 1024×768 (tablet layout)', huddle, {
      who: ben,
      screen: TABLET,
    });
    await audit('huddle: the facilitator’s view, voting open', huddle, { who: asha });
    await audit('huddle: pass the tablet round, 1024×768', `${huddle}/tablet`, {
      who: asha,
      screen: TABLET,
    });
    await audit('TV board, voting open, 1920×1080', `${huddle}/board`, { who: asha, screen: TV });
    const tv = new URL(link);
    await audit('board link’s read-only view on a TV, 1920×1080', tv.pathname + tv.hash, {
      screen: TV,
    });
    await closeVoting(asha.page, huddle);
    await audit('huddle: the facilitator’s view, result', huddle, { who: asha });
    await audit('TV board, result, 1920×1080', `${huddle}/board`, { who: asha, screen: TV });

    const { pdsa, measure } = await testOfChange(asha.page);
    await audit('test of change (PDSA)', pdsa, { who: asha });
    await audit('a measure’s chart', measure, { who: asha });
    await startChallenge(asha.page);
    await audit('review pack', '/challenge/review', { who: asha });
  } catch (err) {
    // The screens audited so far are kept; the rest are missing, and said to be.
    error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(`stopped: ${error}`);
  } finally {
    await asha.close();
    await ben.close();
  }
  return { figures, detail: { failingAudits: failing, ...(error ? { error } : {}) } };
}
