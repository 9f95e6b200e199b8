/**
 * A real OpenID provider for tests (`oidc-provider`, on loopback): its own
 * login form (any password), a consent step, refresh tokens, and accounts a
 * test can disable — a disabled account is unknown to the provider, so its
 * refresh token is refused with `invalid_grant`, as Entra ID refuses a
 * disabled user's. `signInThrough` walks the forms over HTTP for tests without
 * a browser; e2e tests fill them in Chromium.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { SignInSettings } from '../../../server/signIn/settings.ts';

export type TestProvider = {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The account can no longer be used (its refresh tokens are refused). */
  disable(login: string): void;
  close(): Promise<void>;
};

export async function startProvider(redirectUri: string): Promise<TestProvider> {
  const disabled = new Set<string>();
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'ground-up';
  const clientSecret = 'a-test-client-secret-of-enough-length';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    // The login form's name is the account: "anna@nhs.net" is Anna at nhs.net.
    findAccount(_ctx, id) {
      if (disabled.has(id)) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: id,
          name: id.split('@')[0]?.replace(/^./, (c) => c.toUpperCase()) ?? id,
        }),
      };
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key'] },
  });
  const handle = provider.callback();
  server.on('request', (req, res) => void handle(req, res));
  return {
    issuer,
    clientId,
    clientSecret,
    disable: (login) => disabled.add(login),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * The server's sign-in settings for this provider: NHSmail by name, accounts
 * of nhs.net only, plain http allowed (loopback), the app at `publicUrl`.
 */
export function settingsFor(
  idp: TestProvider,
  publicUrl: string,
  recheckMinutes: number,
): SignInSettings {
  return {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: ['nhs.net'],
    publicUrl,
    providerName: 'NHSmail',
    recheckMinutes,
    allowHttp: true,
  };
}

/**
 * Follows the provider from the authorization URL through its login and
 * consent forms as a browser would, and returns the URL it finally sends the
 * browser to (the app's callback, with `code` and `state`).
 */
export async function signInThrough(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let form: URLSearchParams | null = null;
  for (let hop = 0; hop < 20; hop++) {
    const res: Response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== new URL(authorizationUrl).origin) return next;
      url = next;
      form = null;
      continue;
    }
    const html: string = await res.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    const prompt: string | undefined = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`provider page without a form (${res.status}): ${html}`);
    url = new URL(action, url);
    form = new URLSearchParams(
      prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt },
    );
  }
  throw new Error('the provider never sent the browser back');
}
