/** /join/:code — the link in the team's QR code: the join form with the code filled in. */
import { useLocation } from 'preact-iso';

import { getSession } from '../../db/session.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { TeamForm } from './team/TeamForm.tsx';

export function Join({ code }: { code: string }) {
  const { route } = useLocation();
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
  return (
    <>
      <PageHeading>Join a team</PageHeading>
      <p class="lede">
        Check the code matches the one your facilitator shared, add your name, and join.
      </p>
      <TeamForm kind="join" initialCode={code} onDone={() => route('/team', true)} />
    </>
  );
}
