/**
 * Where staff sign-in lands the browser (server/routes/signIn.ts): /join/CODE
 * or /team with what happened in the address's fragment — a one-use ticket
 * and the account's email, or why it failed. The fragment never reaches a
 * server or a log; the screen reads it once and takes it out of the address.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../../components/ErrorSummary.tsx';
import { t } from './team.en.ts';

export type SignInProblem = 'wrong-domain' | 'failed' | 'unreachable' | 'expired';

export type Landing =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'signed-in';
      readonly ticket: string;
      readonly email: string;
      readonly name: string;
    }
  | {
      readonly kind: 'problem';
      readonly problem: SignInProblem;
      readonly email: string;
      readonly domains: readonly string[];
    };

const PROBLEMS: readonly SignInProblem[] = ['wrong-domain', 'failed', 'unreachable', 'expired'];

export function parseLanding(hash: string): Landing {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const ticket = p.get('signed-in');
  if (ticket) {
    return { kind: 'signed-in', ticket, email: p.get('email') ?? '', name: p.get('name') ?? '' };
  }
  const problem = PROBLEMS.find((x) => x === p.get('sign-in-error'));
  if (!problem) return { kind: 'none' };
  const domains = (p.get('domains') ?? '').split(',').filter(Boolean);
  return { kind: 'problem', problem, email: p.get('email') ?? '', domains };
}

/** Words for a sign-in that did not let the person in, with what to do next. */
export function problemWords(l: Extract<Landing, { kind: 'problem' }>): string {
  switch (l.problem) {
    case 'wrong-domain': {
      const allowed = l.domains.map((d) => `@${d}`).join(t('or')) || t('yourOrg');
      const who = l.email ? t('signedInAs', { email: l.email }) : '';
      return t('wrongDomain', { who, allowed });
    }
    case 'failed':
      return t('signInFailed');
    case 'unreachable':
      return t('signInUnreachable');
    case 'expired':
      return t('signInExpired');
  }
}

/**
 * The landing, read once (the fragment is then taken out of the address and
 * history), and its problem as the error summary lists it.
 */
export function useSignInLanding(): {
  readonly landing: Landing;
  readonly problems: readonly Problem[];
} {
  const [read] = useState(() => {
    const landing = parseLanding(window.location.hash);
    return {
      landing,
      problems: landing.kind === 'problem' ? [{ message: problemWords(landing) }] : [],
    };
  });
  useEffect(() => {
    if (read.landing.kind !== 'none') {
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
    }
  }, [read]);
  return read;
}
