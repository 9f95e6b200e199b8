/**
 * "Sign in with your work account": starts sign-in at the server's
 * /api/v1/auth/start with the invite code, which comes back, then sends the
 * browser on to the sign-in provider. The click asks for the provider's
 * address as JSON, so a refusal (too many sign-ins started from this network,
 * 429) is shown here in the server's words with what to do; without script
 * the link itself still goes through the server's redirect. Not a form: the
 * page's `form-action 'self'` would stop a form's redirect to the provider.
 * The click stops before the app's router, which would otherwise treat /api/…
 * as a screen.
 */
import { useState } from 'preact/hooks';
import { createApi } from '../../../sync/api.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { serverWords } from '../../serverWords.ts';
import { t } from './team.en.ts';

export function SignInButton({ code, label = t('signInWork') }: { code: string; label?: string }) {
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const clean = code.replace(/[\s-]/g, '').toUpperCase();
  const start = async (e: MouseEvent) => {
    e.stopPropagation();
    e.preventDefault();
    const r = await createApi().startSignIn(clean);
    if (r.kind === 'ok') window.location.assign(r.body.url);
    else
      setProblems([
        { message: r.kind === 'offline' ? t('needsConnection') : serverWords(r.message) },
      ]);
  };
  return (
    <>
      <ErrorSummary id="sign-in-start-errors" problems={problems} />
      <p>
        <a
          class="button"
          href={`/api/v1/auth/start?code=${encodeURIComponent(clean)}`}
          onClick={(e) => void start(e)}
        >
          {label}
        </a>
      </p>
    </>
  );
}
