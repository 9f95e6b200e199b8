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

export function Join({ code }: { code: string }) {
  const { route } = useLocation();
  const { landing, problems } = useSignInLanding();
  const session = useData(async (db) => (await getSession(db)) ?? null, []);
  if (session === undefined) return null;
  if (session) {
    return (
      <>
        <PageHeading>You're already in a team</PageHeading>
        <p>
          This phone is in {session.team.name}. <a href="/team">See your team</a>
        </p>
      </>
    );
  }
  const done = () => route('/team', true);
  if (landing.kind === 'signed-in') {
    return (
      <>
        <PageHeading>Join a team</PageHeading>
        <p class="lede">
          You are signed in as <strong>{landing.email}</strong>. Check your name, then join.
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
      <PageHeading>Join a team</PageHeading>
      {landing.kind === 'problem' && (
        <>
          <ErrorSummary id="sign-in-errors" problems={problems} />
          <SignInButton code={code} label="Sign in again" />
        </>
      )}
      <p class="lede">
        Check the code matches the one your facilitator shared, add your name, and join.
      </p>
      <TeamForm kind="join" initialCode={code} onDone={done} />
    </>
  );
}
