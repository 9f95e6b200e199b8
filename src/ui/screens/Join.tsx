/**
 * /join/:code — the link in the team's QR code: the join form with the code
 * filled in. Staff sign-in lands here too (signInLanding.ts): signed in, the
 * form joins with the sign-in's ticket; refused, the reason in words with
 * what to do next and the button to sign in again.
 */
import { useLocation } from 'preact-iso';

import { getSession } from '../../db/session.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { SignInButton } from './team/SignInButton.tsx';
import { useSignInLanding } from './team/signInLanding.ts';
import { TeamForm } from './team/TeamForm.tsx';

import { t } from './join.en.ts';

export function Join({ code }: { code: string }) {
  const { route } = useLocation();
  const { landing, problems } = useSignInLanding();
  const session = useData(async (db) => (await getSession(db)) ?? null, []);
  if (session === undefined) return null;
  if (session) {
    return (
      <>
        <PageHeading>{t('already')}</PageHeading>
        <p>
          {t('inTeam', { team: session.team.name })} <a href="/team">{t('seeTeam')}</a>
        </p>
      </>
    );
  }
  const done = () => route('/team', true);
  if (landing.kind === 'signed-in') {
    // The address in bold wherever the language puts it in the sentence.
    const signedIn = t('signedInAs', { email: '\u0000' }).split('\u0000');
    return (
      <>
        <PageHeading>{t('join')}</PageHeading>
        <p class="lede">
          {signedIn[0]}
          <strong>{landing.email}</strong>
          {signedIn[1]}
        </p>
        <TeamForm
          kind="join"
          initialCode={code}
          initialName={landing.name}
          signInTicket={landing.ticket}
          onDone={done}
        />
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('join')}</PageHeading>
      {landing.kind === 'problem' && (
        <>
          <ErrorSummary id="sign-in-errors" problems={problems} />
          <SignInButton code={code} label={t('signInAgain')} />
        </>
      )}
      <p class="lede">{t('checkCode')}</p>
      <TeamForm kind="join" initialCode={code} onDone={done} />
    </>
  );
}
