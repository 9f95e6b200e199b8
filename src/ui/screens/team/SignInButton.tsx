/**
 * "Sign in with your work account": a link the browser itself follows to the
 * server's /api/v1/auth/start and on to the sign-in provider, with the invite
 * code, which comes back. Not a form: the page's `form-action 'self'` would
 * stop a form's redirect to the provider. The click stops before the app's
 * router, which would otherwise treat /api/… as a screen.
 */
import { t } from './team.en.ts';
export function SignInButton({ code, label = t('signInWork') }: { code: string; label?: string }) {
  const clean = code.replace(/[\s-]/g, '').toUpperCase();
  return (
    <p>
      <a
        class="button"
        href={`/api/v1/auth/start?code=${encodeURIComponent(clean)}`}
        onClick={(e) => e.stopPropagation()}
      >
        {label}
      </a>
    </p>
  );
}
