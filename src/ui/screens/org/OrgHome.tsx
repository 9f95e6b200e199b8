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
import { t } from './org.en.ts';

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
        {
          message: t('enterField', { field: empty.label.toLowerCase() }),
          field: `${props.id}-${empty.key}`,
        },
      ]);
    const r = await props.run(values);
    if (r.kind === 'ok') return setProblems(NONE);
    setProblems([
      {
        message: r.message ?? t('didNotWork'),
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
  if (!place) return <p class="secondary-text">{t('loading')}</p>;
  const facilitator = place.team?.role === 'facilitator';
  const name = { key: 'displayName', label: t('yourName'), max: LIMITS.displayName };
  return (
    <>
      <PageHeading>{t('organisation')}</PageHeading>
      <p>{t('orgIntro')}</p>
      {place.team && (
        <section aria-labelledby="team-org">
          <h2 id="team-org">{place.team.name}</h2>
          {place.link ? (
            <>
              <p>
                {t('linkedTo', { org: place.link.name })}{' '}
                <a href="/org/elsewhere">{t('workedElsewhere')}</a>
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
                    {t('unlink')}
                  </button>
                  <p class="hint">{t('unlinkHint')}</p>
                </>
              )}
            </>
          ) : facilitator ? (
            <OneStep
              id="link"
              heading={t('linkHeading')}
              fields={[
                {
                  key: 'inviteCode',
                  label: t('orgCode'),
                  hint: t('orgCodeHint'),
                  max: 40,
                },
              ]}
              button={t('linkButton')}
              run={(v) => linkTeam(v['inviteCode'] ?? '')}
            />
          ) : (
            <p>{place.link === null ? t('notLinked') : t('linkLater')}</p>
          )}
        </section>
      )}
      {place.lead ? (
        <section aria-labelledby="lead-org">
          <h2 id="lead-org">{place.lead.org.name}</h2>
          <p>
            {t('youAre', { role: place.lead.member.role })}{' '}
            <a href="/org/portfolio">{t('portfolioLink')}</a>
          </p>
          {place.lead.org.inviteCode && (
            <dl class="summary-list">
              <dt>{t('codeTeam')}</dt>
              <dd class="code">{place.lead.org.inviteCode}</dd>
              <dt>{t('codeLeaders')}</dt>
              <dd class="code">{place.lead.org.leaderCode}</dd>
            </dl>
          )}
        </section>
      ) : (
        <>
          <OneStep
            id="lead"
            heading={t('joinLeaderHeading')}
            fields={[
              {
                key: 'leaderCode',
                label: t('leaderCode'),
                hint: t('leaderCodeHint'),
                max: 40,
              },
              name,
            ]}
            button={t('joinLeader')}
            run={(v) => joinAsLeader(v['leaderCode'] ?? '', v['displayName'] ?? '')}
          />
          <OneStep
            id="create"
            heading={t('createHeading')}
            fields={[{ key: 'orgName', label: t('orgName'), max: LIMITS.teamName }, name]}
            button={t('create')}
            run={(v) => createOrganisation(v['orgName'] ?? '', v['displayName'] ?? '')}
          />
        </>
      )}
    </>
  );
}
