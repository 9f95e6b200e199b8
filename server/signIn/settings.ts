/**
 * Staff sign-in's settings, from the environment (README "Staff sign-in").
 * All of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ALLOWED_DOMAINS
 * and PUBLIC_URL turn it on; none turns it off; some but not all is a mistake
 * the server refuses to start with, in words.
 */

export type SignInSettings = {
  /** The provider's issuer URL (its discovery document is under it). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Lower-case domains an account's email must end with, e.g. ['nhs.net']. */
  readonly allowedDomains: readonly string[];
  /** Where people reach this server, e.g. https://groundup.example.nhs.uk (no trailing slash). */
  readonly publicUrl: string;
  /** How the button names the provider: "Sign in with NHSmail". */
  readonly providerName: string;
  /** How often a signed-in member's account is checked with the provider, in minutes. */
  readonly recheckMinutes: number;
  /** Accept an http: issuer (a provider on loopback in tests only). */
  readonly allowHttp?: boolean;
};

const REQUIRED = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_ALLOWED_DOMAINS',
  'PUBLIC_URL',
] as const;

/** Domains as typed in OIDC_ALLOWED_DOMAINS: "nhs.net, @Trust.nhs.uk" → ['nhs.net', 'trust.nhs.uk']. */
export function parseDomains(list: string): string[] {
  return list
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
}

export function signInFromEnv(env: NodeJS.ProcessEnv): SignInSettings | null {
  const given = REQUIRED.filter((k) => env[k]);
  if (given.length === 0) return null;
  if (given.length < REQUIRED.length) {
    const missing = REQUIRED.filter((k) => !env[k]).join(', ');
    throw new Error(
      `Staff sign-in is half set up: ${missing} missing. Set all of ${REQUIRED.join(', ')} (README, "Staff sign-in"), or none to turn sign-in off.`,
    );
  }
  const recheck = Number(env['OIDC_RECHECK_MINUTES'] ?? 60);
  if (!Number.isFinite(recheck) || recheck < 0)
    throw new Error('OIDC_RECHECK_MINUTES must be a number of minutes, 0 or more.');
  const domains = parseDomains(env['OIDC_ALLOWED_DOMAINS'] ?? '');
  if (domains.length === 0)
    throw new Error('OIDC_ALLOWED_DOMAINS must name at least one email domain, e.g. nhs.net.');
  return {
    issuer: env['OIDC_ISSUER'] ?? '',
    clientId: env['OIDC_CLIENT_ID'] ?? '',
    clientSecret: env['OIDC_CLIENT_SECRET'] ?? '',
    allowedDomains: domains,
    publicUrl: (env['PUBLIC_URL'] ?? '').replace(/\/+$/, ''),
    providerName: env['OIDC_PROVIDER_NAME'] || 'your work account',
    recheckMinutes: recheck,
  };
}

/** The account's email is in one of the allowed domains (exactly: not a subdomain). */
export function domainAllowed(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  return at > 0 && domains.includes(email.slice(at + 1).toLowerCase());
}
