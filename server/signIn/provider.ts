/**
 * The OpenID provider, through `openid-client`: the authorization code flow
 * with PKCE (S256), state and nonce, a confidential client (client secret),
 * and the refresh-token grant that tells the server whether an account still
 * exists. Discovery runs on first use and is kept, so a provider that is down
 * when the server starts costs nothing until someone signs in.
 */
import * as oidc from 'openid-client';
import type { SignInSettings } from './settings.ts';

/** What a finished sign-in proved about the person. */
export type SignedIn = {
  readonly subject: string;
  /** Lower case: the `email` claim, else `preferred_username` when it is an address (Entra ID). */
  readonly email: string | null;
  readonly name: string | null;
  readonly refreshToken: string | null;
};

export type Started = {
  readonly url: URL;
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
};

/**
 * What the provider said about an account:
 * - `valid`: it still exists (and perhaps a new refresh token to keep);
 * - `disabled`: the provider refused the refresh token (`invalid_grant`): the
 *   account was disabled or deleted, or its sessions were revoked;
 * - `unknown`: the provider did not answer or answered with its own failure;
 *   nobody is locked out because the provider is down.
 */
export type AccountCheck =
  | { readonly kind: 'valid'; readonly refreshToken: string | null }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'unknown'; readonly why: string };

export type Provider = {
  start(): Promise<Started>;
  /** Exchanges the code of `callbackUrl` (the URL the provider sent the browser to). */
  finish(
    callbackUrl: URL,
    flow: { state: string; codeVerifier: string; nonce: string },
  ): Promise<SignedIn>;
  check(refreshToken: string): Promise<AccountCheck>;
};

export const CALLBACK_PATH = '/api/v1/auth/callback';
/** `offline_access` asks for a refresh token: the account is checked with it later. */
const SCOPE = 'openid email profile offline_access';
const TIMEOUT_MS = 10_000;

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export function createProvider(settings: SignInSettings): Provider {
  const redirectUri = settings.publicUrl + CALLBACK_PATH;
  let config: Promise<oidc.Configuration> | null = null;
  function configuration(): Promise<oidc.Configuration> {
    config ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { redirect_uris: [redirectUri], response_types: ['code'] },
        oidc.ClientSecretPost(settings.clientSecret),
        {
          timeout: TIMEOUT_MS / 1000,
          ...(settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .then((c) => {
        c.timeout = TIMEOUT_MS / 1000;
        return c;
      })
      .catch((err: unknown) => {
        config = null; // Try discovery again next time.
        throw err;
      });
    return config;
  }
  return {
    async start() {
      const c = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, codeVerifier, nonce };
    },
    async finish(callbackUrl, flow) {
      const c = await configuration();
      const tokens = await oidc.authorizationCodeGrant(c, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('the provider sent no ID token');
      // Some providers keep email and name out of the ID token: ask userinfo then.
      const claims: Record<string, unknown> =
        typeof idClaims['email'] === 'string' || typeof idClaims['preferred_username'] === 'string'
          ? idClaims
          : {
              ...idClaims,
              ...(await oidc.fetchUserInfo(c, tokens.access_token, idClaims.sub)),
            };
      const username = text(claims['preferred_username']);
      const email =
        text(claims['email']) ?? (username !== null && username.includes('@') ? username : null);
      return {
        subject: idClaims.sub,
        email: email?.toLowerCase() ?? null,
        name: text(claims['name']),
        refreshToken: tokens.refresh_token ?? null,
      };
    },
    async check(refreshToken) {
      try {
        const c = await configuration();
        const tokens = await oidc.refreshTokenGrant(c, refreshToken);
        return { kind: 'valid', refreshToken: tokens.refresh_token ?? null };
      } catch (err) {
        if (err instanceof oidc.ResponseBodyError && err.error === 'invalid_grant')
          return { kind: 'disabled' };
        return { kind: 'unknown', why: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
