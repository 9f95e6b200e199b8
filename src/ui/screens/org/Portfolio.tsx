/**
 * A leader's portfolio (/org/portfolio), on a phone and a desktop: each
 * linked team's 100-day challenge (day N of 100, aim, the outcome in one line
 * with its latest signal and Making Data Count's icons), ideas in test and
 * adopted, the asks waiting (answered from here: the answer syncs into the
 * team's log), and what changed this week; filtered by team and theme, and
 * exported as CSV. Read from the copy the last sync kept, so it opens offline.
 */
import { useState } from 'preact/hooks';
import { getOrgSession, getPortfolio } from '../../../db/orgData.ts';
import { boardRow, chartMeasure } from '../../../domain/charts/index.ts';
import type { Answer } from '../../../domain/improvement.ts';
import type { PortfolioTeam } from '../../../domain/orgProtocol.ts';
import {
  dayWords,
  filtered,
  outcomeLine,
  portfolioTable,
  themesOf,
  timeline,
  type Filter,
} from '../../../domain/portfolio.ts';
import { toCsv } from '../../../lib/csv.ts';
import { answerFromPortfolio } from '../../actions/org.ts';
import { AssuranceIcon, VariationIcon } from '../../components/chart/MdcIcons.tsx';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useNow } from '../../hooks/useNow.ts';
import { useData } from '../../reads/useData.ts';
import { syncNow } from '../../syncClient.ts';
import { AnswerChoices } from '../asks/AnswerForm.tsx';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const NONE: readonly Problem[] = [];

function AskAnswer({ teamId, ask }: { teamId: string; ask: PortfolioTeam['asks'][number] }) {
  const [answer, setAnswer] = useState<Answer | ''>('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState(NONE);
  const [sent, setSent] = useState(false);
  const p = `ask-${ask.id}`;
  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!answer) return setProblems([{ message: 'Choose an answer', field: `${p}-backed` }]);
    const r = await answerFromPortfolio(teamId, ask.id, answer, note.trim());
    if (r.kind !== 'ok') return setProblems([{ message: r.message }]);
    setProblems(NONE);
    setSent(true);
    syncNow();
  }
  if (sent) return <p role="status">Answer sent to the team.</p>;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary problems={problems} id={`${p}-errors`} />
      <AnswerChoices id={p} answer={answer} onChoose={setAnswer} />
      <div class="form-group">
        <label class="label" for={`${p}-note`}>
          A note for the team
        </label>
        <textarea
          id={`${p}-note`}
          class="textarea"
          rows={2}
          maxLength={2000}
          value={note}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <button type="submit" class="button">
        Answer
      </button>
    </form>
  );
}

function Outcome({ team }: { team: PortfolioTeam }) {
  const o = team.challenge?.outcome;
  if (!o) return <p>No outcome measure chosen yet.</p>;
  const points = o.points.map((p) =>
    p.ghost ? { date: p.date, value: p.value, ghost: true } : { date: p.date, value: p.value },
  );
  const row = boardRow(
    chartMeasure({
      points,
      direction: o.direction,
      ...(o.target === null ? {} : { target: o.target }),
    }),
  );
  return (
    <>
      <p>
        <strong>{outcomeLine(team)}</strong>
      </p>
      <p class="meta">
        {row.variation && (
          <VariationIcon variation={row.variation} direction={o.direction} size={32} />
        )}
        {row.assurance && <AssuranceIcon assurance={row.assurance} size={32} />}{' '}
        {row.lastSignal
          ? `Latest signal: ${row.lastSignal.words} (${row.lastSignal.from} to ${row.lastSignal.to})`
          : 'No signal yet'}
      </p>
    </>
  );
}

function TeamCard({ team, today }: { team: PortfolioTeam; today: string }) {
  const testing = team.ideas.filter((i) => i.status === 'testing');
  const adopted = team.ideas.filter((i) => i.status !== 'testing');
  const waiting = team.asks.filter((a) => a.answer === null);
  const h = `team-${team.id}`;
  return (
    <li class="card" aria-labelledby={h}>
      <h2 class="card__heading" id={h}>
        {team.name}
      </h2>
      {team.challenge ? (
        <>
          <p class="meta">{dayWords(team.challenge.startDate, today)}</p>
          <p>Aim: {team.challenge.goal}</p>
          <Outcome team={team} />
        </>
      ) : (
        <p>No 100-day challenge yet.</p>
      )}
      <h3>In test ({testing.length})</h3>
      {testing.length > 0 && (
        <ul>
          {testing.map((i) => (
            <li key={i.id}>{i.title}</li>
          ))}
        </ul>
      )}
      <h3>Adopted ({adopted.length})</h3>
      {adopted.length > 0 && (
        <ul>
          {adopted.map((i) => (
            <li key={i.id}>
              {i.title}
              {i.status === 'adapted' ? ' (adapted)' : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Asks waiting ({waiting.length})</h3>
      {waiting.map((a) => (
        <div key={a.id} class="inset">
          <p>
            <strong>{a.kind === 'permission' ? 'Permission' : 'Support'}</strong> for “{a.ideaTitle}
            ”: {a.text}
          </p>
          <AskAnswer teamId={team.id} ask={a} />
        </div>
      ))}
    </li>
  );
}

export function PortfolioScreen() {
  const data = useData(
    async (db) => ({ lead: await getOrgSession(db), kept: await getPortfolio(db) }),
    [],
  );
  const [filter, setFilter] = useState<Filter>({ teamId: null, theme: null });
  const now = useNow(60_000);
  if (!data) return <p class="secondary-text">Loading…</p>;
  if (!data.lead)
    return (
      <>
        <PageHeading>Portfolio</PageHeading>
        <p>
          The portfolio is for an organisation’s leaders.{' '}
          <a href="/org">Join your organisation as a leader</a> with the leader code its admin gave
          you.
        </p>
      </>
    );
  if (!data.kept)
    return (
      <>
        <PageHeading>Portfolio</PageHeading>
        <p>Nothing synced yet. It shows here after this device next reaches the server.</p>
      </>
    );
  const { portfolio, fetchedAt } = data.kept;
  const today = iso(now);
  const teams = filtered(portfolio, filter);
  const week = timeline(teams, now);
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(portfolioTable(portfolio, today)))}`;
  return (
    <>
      <PageHeading>Portfolio: {portfolio.org.name}</PageHeading>
      <p class="meta">
        {portfolio.teams.length} linked {portfolio.teams.length === 1 ? 'team' : 'teams'} · as of{' '}
        {new Date(fetchedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}{' '}
        <button type="button" class="link-button" onClick={syncNow}>
          Refresh
        </button>
      </p>
      <div class="form-group">
        <label class="label" for="filter-team">
          Team
        </label>
        <select
          id="filter-team"
          class="select"
          value={filter.teamId ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, teamId: (e.currentTarget as HTMLSelectElement).value || null })
          }
        >
          <option value="">Every team</option>
          {portfolio.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label class="label" for="filter-theme">
          Theme
        </label>
        <select
          id="filter-theme"
          class="select"
          value={filter.theme ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, theme: (e.currentTarget as HTMLSelectElement).value || null })
          }
        >
          <option value="">Every theme</option>
          {themesOf(portfolio).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <p>
        <a href={csvHref} download={`portfolio-${today}.csv`}>
          Download every challenge’s results (CSV)
        </a>
      </p>
      <h2>This week</h2>
      {week.length === 0 ? (
        <p>Nothing changed in the last seven days.</p>
      ) : (
        <ul>
          {week.map((w, i) => (
            <li key={i}>
              {w.team} {w.words}{' '}
              <span class="meta">({new Date(w.at).toLocaleDateString('en-GB')})</span>
            </li>
          ))}
        </ul>
      )}
      <ul class="card-list">
        {teams.map((t) => (
          <TeamCard key={t.id} team={t} today={today} />
        ))}
      </ul>
    </>
  );
}
