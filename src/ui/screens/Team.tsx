/**
 * The team screen. Not in a team: join one by invite code, or start one. In a
 * team: who you are in it, the invite code and QR code to bring colleagues in,
 * the members, (for a facilitator) board links for a TV, the category names and
 * the team's data,
 * and every member's own data (src/ui/screens/team/TeamData.tsx).
 */
import type { GroundUpDb } from '../../db/index.ts';
import { categories } from '../../db/queries.ts';
import { useEffect, useState } from 'preact/hooks';
import { getSession } from '../../db/session.ts';
import type { SessionResponse } from '../../domain/protocol.ts';
import { followRole, forgetSession } from '../actions/index.ts';
import { syncStatus } from '../../state/syncStatus.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { useStore } from '../hooks/useStore.ts';
import { BoardLinks } from './team/BoardLinks.tsx';
import { CategoriesForm } from './team/CategoriesForm.tsx';
import { InviteCard } from './team/InviteCard.tsx';
import { Members, ROLE_LABELS } from './team/Members.tsx';
import { TeamAdmin } from './team/TeamAdmin.tsx';
import { DeletionNotice, TeamDataAdmin, YourData } from './team/TeamData.tsx';
import { TeamForm } from './team/TeamForm.tsx';
import { SignInSetting } from './team/SignInSetting.tsx';
import { useSignInLanding } from './team/signInLanding.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useTeamInfo } from './team/useTeamInfo.ts';
import { t } from './team/team.en.ts';
import { language } from '../../i18n/index.ts';
import { memberName } from '../format.ts';
import { serverWords } from '../serverWords.ts';

async function load(db: GroundUpDb) {
  const session = await getSession(db);
  if (!session) return null;
  const team = await db.teams.get(session.team.id);
  return { session, name: team?.name ?? session.team.name, cats: await categories(db) };
}

/**
 * `reason`: the server's words, in English. A reader in another language gets
 * them in that language when the phone knows the sentence (serverWords.ts: a
 * disabled work account), else this screen's own.
 */
function SignedOut({ team, reason }: { team: string; reason: string | null }) {
  const said = reason === null ? null : serverWords(reason);
  return (
    <div class="callout" role="alert">
      <h2 class="callout__heading">{t('signInAgain')}</h2>
      <p>
        {said !== null && (language() === 'en' || said !== reason)
          ? said
          : `${t('noLongerIn', { team })} ${t('allSafe')} ${t('joinToSend')}`}
      </p>
      <button type="button" class="button" onClick={() => void forgetSession()}>
        {t('joinAgain')}
      </button>
    </div>
  );
}

function TeamDetails({
  session,
  name,
  cats,
}: {
  session: SessionResponse;
  name: string;
  cats: Parameters<typeof CategoriesForm>[0]['categories'];
}) {
  const [version, setVersion] = useState(0);
  // A code this screen just made, shown until the server's answer catches up.
  const [madeCode, setMadeCode] = useState<string | null>(null);
  const info = useTeamInfo(session.token, version);
  const serverRole =
    info.kind === 'ok'
      ? info.info.members.find((m) => m.id === session.member.id)?.role
      : undefined;
  useEffect(() => {
    if (serverRole) void followRole(serverRole);
  }, [serverRole]);
  const { signedOut } = useStore(syncStatus);
  // The server's code is the current one (another facilitator may have made a new one).
  const code =
    madeCode ??
    (info.kind === 'ok' ? info.info.team.inviteCode : undefined) ??
    session.team.inviteCode;
  return (
    <>
      <PageHeading title={t('yourTeam')}>{name}</PageHeading>
      {(signedOut || info.kind === 'signed-out') && (
        <SignedOut team={name} reason={info.kind === 'signed-out' ? info.message : null} />
      )}
      {info.kind === 'ok' && info.info.deletion && (
        <DeletionNotice
          deletion={info.info.deletion}
          token={session.token}
          facilitator={session.member.role === 'facilitator'}
          onChange={() => setVersion((n) => n + 1)}
        />
      )}
      <dl class="summary-list">
        <dt>{t('yourName')}</dt>
        <dd>{memberName(session.member.displayName)}</dd>
        <dt>{t('yourRole')}</dt>
        <dd>{ROLE_LABELS[session.member.role]}</dd>
      </dl>
      <InviteCard code={code} />
      <Members state={info} memberId={session.member.id} />
      {session.member.role === 'facilitator' && info.kind === 'ok' && (
        <TeamAdmin
          token={session.token}
          memberId={session.member.id}
          members={info.info.members}
          onChange={(inviteCode) => {
            if (inviteCode) setMadeCode(inviteCode);
            setVersion((n) => n + 1);
          }}
        />
      )}
      {session.member.role === 'facilitator' && <BoardLinks token={session.token} />}
      {session.member.role === 'facilitator' && info.kind === 'ok' && (
        <SignInSetting token={session.token} members={info.info.members.length} />
      )}
      {session.member.role === 'facilitator' && (
        <CategoriesForm teamId={session.team.id} categories={cats} />
      )}
      {session.member.role === 'facilitator' && (
        <TeamDataAdmin
          token={session.token}
          teamName={name}
          onChange={() => setVersion((n) => n + 1)}
        />
      )}
      <YourData token={session.token} onChange={() => setVersion((n) => n + 1)} />
    </>
  );
}

export function Team() {
  const data = useData(load, []);
  const { problems } = useSignInLanding();
  if (data === undefined) return null;
  if (data) return <TeamDetails session={data.session} name={data.name} cats={data.cats} />;
  return (
    <>
      <PageHeading>{t('joinOrStart')}</PageHeading>
      <ErrorSummary id="sign-in-errors" problems={problems} />
      <p class="lede">
        {t('reachTeam')} {t('needsOnce')}
      </p>
      <TeamForm kind="join" title={t('joinATeam')} />
      <TeamForm kind="start" title={t('startATeam')} />
    </>
  );
}
