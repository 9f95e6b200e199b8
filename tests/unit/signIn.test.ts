/**
 * Staff sign-in's pure parts: the settings read from the environment (all or
 * nothing, in words), the domain check, the refresh-token seal, and the words
 * the join screen shows for where sign-in landed the browser.
 */
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../server/signIn/seal.ts';
import { domainAllowed, parseDomains, signInFromEnv } from '../../server/signIn/settings.ts';
import { parseLanding, problemWords } from '../../src/ui/screens/team/signInLanding.ts';

const FULL = {
  OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
  OIDC_CLIENT_ID: 'client',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_ALLOWED_DOMAINS: 'nhs.net, @Trust.NHS.uk',
  PUBLIC_URL: 'https://groundup.trust.nhs.uk/',
};

describe('sign-in settings', () => {
  it('is off with none of the variables, on with all of them', () => {
    expect(signInFromEnv({})).toBeNull();
    expect(signInFromEnv(FULL)).toMatchObject({
      allowedDomains: ['nhs.net', 'trust.nhs.uk'],
      publicUrl: 'https://groundup.trust.nhs.uk',
      providerName: 'your work account',
      recheckMinutes: 60,
    });
  });

  it('refuses to start half set up, naming what is missing', () => {
    expect(() => signInFromEnv({ ...FULL, OIDC_CLIENT_SECRET: '' })).toThrow(
      /half set up: OIDC_CLIENT_SECRET missing/,
    );
    expect(() => signInFromEnv({ ...FULL, OIDC_RECHECK_MINUTES: 'soon' })).toThrow(
      /OIDC_RECHECK_MINUTES/,
    );
    expect(() => signInFromEnv({ ...FULL, OIDC_ALLOWED_DOMAINS: ' , ' })).toThrow(/at least one/);
  });

  it('allows exactly the listed domains, whatever the case', () => {
    const domains = parseDomains('nhs.net');
    expect(domainAllowed('Anna.Smith@NHS.net', domains)).toBe(true);
    expect(domainAllowed('anna@nhs.net.evil.example', domains)).toBe(false);
    expect(domainAllowed('anna@sub.nhs.net', domains)).toBe(false);
    expect(domainAllowed('nhs.net', domains)).toBe(false);
    expect(domainAllowed('anna@gmail.com', domains)).toBe(false);
  });
});

describe('refresh-token seal', () => {
  it('opens with the same secret only', () => {
    const sealed = seal('secret', 'refresh-token-value');
    expect(sealed).not.toContain('refresh-token-value');
    expect(unseal('secret', sealed)).toBe('refresh-token-value');
    expect(unseal('another secret', sealed)).toBeNull();
    expect(unseal('secret', 'damaged')).toBeNull();
  });
});

describe('where sign-in lands', () => {
  it('reads a ticket, and each refusal with words saying what to do next', () => {
    expect(parseLanding('')).toEqual({ kind: 'none' });
    expect(parseLanding('#sign-in-error=nonsense')).toEqual({ kind: 'none' });
    expect(parseLanding('#signed-in=T0KEN&email=anna%40nhs.net&name=Anna')).toEqual({
      kind: 'signed-in',
      ticket: 'T0KEN',
      email: 'anna@nhs.net',
      name: 'Anna',
    });
    const wrong = parseLanding('#sign-in-error=wrong-domain&email=m%40gmail.com&domains=nhs.net');
    if (wrong.kind !== 'problem') throw new Error('expected a problem');
    expect(problemWords(wrong)).toContain(
      "You signed in as m@gmail.com. This team's server accepts only work accounts ending @nhs.net.",
    );
    expect(problemWords(wrong)).toContain('ask your facilitator');
    for (const problem of ['failed', 'unreachable', 'expired'] as const) {
      const l = parseLanding(`#sign-in-error=${problem}`);
      if (l.kind !== 'problem') throw new Error('expected a problem');
      expect(problemWords(l)).toMatch(/Try|join again/);
    }
  });
});
