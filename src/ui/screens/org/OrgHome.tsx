/**
 * The organisation, from this device (/org): the team's link (a facilitator
 * links it with the organisation's code, or unlinks it), "Worked elsewhere",
 * and for leaders the portfolio; a person can create an organisation or join
 * one as a leader here. Each refusal says what to do next.
 */
import { useState } from 'preact/hooks';
import { orgPlace } from '../../../db/orgQueries.ts';
import { LIMITS } from '../../../domain/records.ts';
import { createOrganisation, joinAsLeader, linkTeam, unlinkTeam } from '../../actions/org.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useData } from '../../reads/useData.ts';

const NONE: readonly Problem[] = [];

/** A small form of one or two fields and a button, with its problems in words. */
function OneStep(props: {
  id: string;
  heading: string;
  fields: readonly { key: string; label: string; hint?: string; max: number }[];
  button: string;
  run: (
    values: Record<string, string>,
  ) => Promise<{ kind: string; message?: string; field?: string }>;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState(NONE);
  async function onSubmit(e: Event) {
    e.preventDefault();
    const empty = props.fields.find((f) => !(values[f.key] ?? '').trim());
    if (empty)
      return setProblems([
        { message: `Enter ${empty.label.toLowerCase()}`, field: `${props.id}-${empty.key}` },
      ]);
    const r = await props.run(values);
    if (r.kind === 'ok') return setProblems(NONE);
    setProblems([
      {
        message: r.message ?? 'That did not work. Try again.',
        ...(r.field ? { field: `${props.id}-${r.field}` } : {}),
      },
    ]);
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <ErrorSummary problems={problems} id={`${props.id}-errors`} />
      {props.fields.map((f) => (
        <TextField
          key={f.key}
          spec={f}
          id={`${props.id}-${f.key}`}
          value={values[f.key] ?? ''}
          onInput={(v) => setValues({ ...values, [f.key]: v })}
        />
      ))}
      <button type="submit" class="button button--secondary">
        {props.button}
      </button>
    </form>
  );
}

export function OrgHome() {
  const place = useData(orgPlace, []);
  const [unlinkProblem, setUnlinkProblem] = useState('');
  if (!place) return <p class="secondary-text">Loading…</p>;
  const facilitator = place.team?.role === 'facilitator';
  const name = { key: 'displayName', label: 'Your name', max: LIMITS.displayName };
  return (
    <>
      <PageHeading>Organisation</PageHeading>
      <p>
        An organisation (a trust, or a patch of several) links teams, so each can see what worked
        elsewhere, and its leaders see every team’s 100-day challenge. A team’s own records stay its
        own.
      </p>
      {place.team && (
        <section aria-labelledby="team-org">
          <h2 id="team-org">{place.team.name}</h2>
          {place.link ? (
            <>
              <p>
                Linked to <strong>{place.link.name}</strong>.{' '}
                <a href="/org/elsewhere">Worked elsewhere</a>
              </p>
              {facilitator && (
                <>
                  {unlinkProblem && (
                    <p class="error-message" role="alert">
                      {unlinkProblem}
                    </p>
                  )}
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() =>
                      void unlinkTeam().then((r) =>
                        setUnlinkProblem(r.kind === 'ok' ? '' : r.message),
                      )
                    }
                  >
                    Unlink the team
                  </button>
                  <p class="hint">Unlinking withdraws the changes your team shared.</p>
                </>
              )}
            </>
          ) : facilitator ? (
            <OneStep
              id="link"
              heading="Link the team to an organisation"
              fields={[
                {
                  key: 'inviteCode',
                  label: 'The organisation’s code',
                  hint: 'Its admin gives it to you.',
                  max: 40,
                },
              ]}
              button="Link the team"
              run={(v) => linkTeam(v['inviteCode'] ?? '')}
            />
          ) : (
            <p>
              {place.link === null
                ? 'Your team is not linked to an organisation. Your facilitator can link it here.'
                : 'Your team’s link to an organisation shows here after the next sync.'}
            </p>
          )}
        </section>
      )}
      {place.lead ? (
        <section aria-labelledby="lead-org">
          <h2 id="lead-org">{place.lead.org.name}</h2>
          <p>
            You are its {place.lead.member.role === 'admin' ? 'admin' : 'leader'}.{' '}
            <a href="/org/portfolio">Portfolio of every linked team</a>
          </p>
          {place.lead.org.inviteCode && (
            <dl class="summary-list">
              <dt>Code for linking a team</dt>
              <dd class="code">{place.lead.org.inviteCode}</dd>
              <dt>Code for leaders</dt>
              <dd class="code">{place.lead.org.leaderCode}</dd>
            </dl>
          )}
        </section>
      ) : (
        <>
          <OneStep
            id="lead"
            heading="Join an organisation as a leader"
            fields={[
              {
                key: 'leaderCode',
                label: 'The leader code',
                hint: 'The organisation’s admin gives it to you.',
                max: 40,
              },
              name,
            ]}
            button="Join as a leader"
            run={(v) => joinAsLeader(v['leaderCode'] ?? '', v['displayName'] ?? '')}
          />
          <OneStep
            id="create"
            heading="Create an organisation"
            fields={[
              { key: 'orgName', label: 'The organisation’s name', max: LIMITS.teamName },
              name,
            ]}
            button="Create the organisation"
            run={(v) => createOrganisation(v['orgName'] ?? '', v['displayName'] ?? '')}
          />
        </>
      )}
    </>
  );
}
