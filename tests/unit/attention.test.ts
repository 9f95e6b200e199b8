/**
 * "Needs attention" in words (issue 17): which refusals may pass if sent
 * again, and what a refused huddle or vote change is called.
 */
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../src/domain/entities.ts';
import { retryChance } from '../../src/domain/rules/retry.ts';

describe('retryChance', () => {
  it.each([
    'not-owner',
    'not-lead',
    'fixed',
    'derived-id',
    'other-team',
    'invalid',
    'no-parent',
    'huddle-closed',
    'over-budget',
    'not-you',
    'not-created',
  ] as const)('a %s refusal can never pass', (code) => {
    expect(retryChance(code)).toBe('never');
  });
  it('a clock ahead may pass later; no code is unknown', () => {
    expect(retryChance('clock-ahead')).toBe('later');
    expect(retryChance(undefined)).toBe('unknown');
  });
});

describe('describe', () => {
  it('names the huddle from this device when the change does not carry its title', () => {
    expect(ENTITIES.huddle.describe({ state: 'closed' }, 'Tuesday huddle')).toBe(
      'Closing voting in “Tuesday huddle”',
    );
    expect(ENTITIES.huddle.describe({ state: 'open' }, 'Tuesday huddle')).toBe(
      'Reopening voting in “Tuesday huddle”',
    );
    expect(ENTITIES.huddle.describe({ title: 'Mon', startedAt: 1 }, undefined)).toBe(
      'Starting the huddle “Mon”',
    );
  });
  it('counts a vote’s dots in words', () => {
    expect(ENTITIES.vote.describe({ dots: 2 })).toBe('Your 2 dots on an idea');
    expect(ENTITIES.vote.describe({ dots: 1 })).toBe('Your 1 dot on an idea');
    expect(ENTITIES.vote.describe({ dots: 0 })).toBe('Taking your dots off an idea');
  });
});
