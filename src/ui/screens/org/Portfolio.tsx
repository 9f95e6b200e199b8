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
  CARDS_AT_A_TIME,
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
import { saveFile } from '../../saveFile.ts';
import { themeLabel } from '../../categories.en.ts';
import { t } from './org.en.ts';
import { locale } from '../../../i18n/index.ts';
import { Sentence } from '../huddle/Sentence.tsx';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const NONE: readonly Problem[] = [];
/** Asks answered from this page since the app opened: their "sent" stays after the refresh. */
const answeredHere = new Set<string>();

function AskAnswer({ teamId, ask }: { teamId: string; ask: PortfolioTeam['asks'][number] }) {
  const [answer, setAnswer] = useState<Answer | ''>('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState(NONE);
  const [sent, setSent] = useState(() => answeredHere.has(ask.id));
  const p = `ask-${ask.id}`;
  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!answer) return setProblems([{ message: t('chooseAnswer'), field: `${p}-backed` }]);
    const r = await answerFromPortfolio(teamId, ask.id, answer, note.trim());
    if (r.kind !== 'ok') return setProblems([{ message: r.message }]);
    setProblems(NONE);
    answeredHere.add(ask.id);
    setSent(true);
    syncNow();
  }
  if (sent) return <p role="status">{t('answerSent')}</p>;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary problems={problems} id={`${p}-errors`} />
      <AnswerChoices id={p} answer={answer} onChoose={setAnswer} />
      <div class="form-group">
        <label class="label" for={`${p}-note`}>
          {t('noteForTeam')}
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
        {t('answer')}
      </button>
    </form>
  );
}

function Outcome({ team }: { team: PortfolioTeam }) {
  const o = team.challenge?.outcome;
  if (!o) return <p>{t('noOutcome')}</p>;
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
          ? t('latestSignal', {
              words: row.lastSignal.words,
              from: row.lastSignal.from,
              to: row.lastSignal.to,
            })
          : t('noSignal')}
      </p>
    </>
  );
}

function TeamCard({ team, today }: { team: PortfolioTeam; today: string }) {
  const testing = team.ideas.filter((i) => i.status === 'testing');
  const adopted = team.ideas.filter((i) => i.status !== 'testing');
  const waiting = team.asks.filter((a) => a.answer === null);
  // An ask answered from this page stays, saying so, when the refresh after it arrives.
  const listed = team.asks.filter((a) => a.answer === null || answeredHere.has(a.id));
  const h = `team-${team.id}`;
  return (
    <li class="card" aria-labelledby={h}>
      <h2 class="card__heading" id={h}>
        {team.name}
      </h2>
      {team.challenge ? (
        <>
          <p class="meta">{dayWords(team.challenge.startDate, today)}</p>
          <p>{t('aim', { goal: team.challenge.goal })}</p>
          <Outcome team={team} />
        </>
      ) : (
        <p>{t('noChallenge')}</p>
      )}
      <h3>{t('inTest', { n: testing.length })}</h3>
      {testing.length > 0 && (
        <ul>
          {testing.map((i) => (
            <li key={i.id}>{i.erased ? t('erasedIdea') : i.title}</li>
          ))}
        </ul>
      )}
      <h3>{t('adopted', { n: adopted.length })}</h3>
      {adopted.length > 0 && (
        <ul>
          {adopted.map((i) => (
            <li key={i.id}>
              {i.erased ? t('erasedIdea') : i.title}
              {i.status === 'adapted' ? ` ${t('adaptedNote')}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('asksWaiting', { n: waiting.length })}</h3>
      {listed.map((a) => (
        <div key={a.id} class="inset">
          <p>
            {t('askFor', {
              kind: a.kind,
              idea: a.ideaUnseen ? t('unseenIdea') : a.ideaErased ? t('erasedIdea') : a.ideaTitle,
              text: a.text,
            })}
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
  const [shown, setShown] = useState(CARDS_AT_A_TIME);
  const now = useNow(60_000);
  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  if (!data.lead)
    return (
      <>
        <PageHeading>{t('portfolio')}</PageHeading>
        <p>
          {t('forLeaders')}{' '}
          <Sentence say={(link) => t('withLeaderCode', { link })}>
            <a href="/org">{t('joinAsLeaderLink')}</a>
          </Sentence>
        </p>
      </>
    );
  if (!data.kept)
    return (
      <>
        <PageHeading>{t('portfolio')}</PageHeading>
        <p>{t('nothingSynced')}</p>
      </>
    );
  const { portfolio, fetchedAt } = data.kept;
  const today = iso(now);
  const teams = filtered(portfolio, filter);
  const week = timeline(teams, now);
  // Made when asked for, not on every draw: 800 teams' CSV is megabytes.
  const downloadCsv = () =>
    saveFile(
      new Blob([toCsv(portfolioTable(portfolio, today))], { type: 'text/csv;charset=utf-8' }),
      `portfolio-${today}.csv`,
    );
  const drawn = teams.slice(0, shown);
  return (
    <>
      <PageHeading>{t('portfolioOf', { org: portfolio.org.name })}</PageHeading>
      <p class="meta">
        {t('linkedTeams', {
          n: portfolio.teams.length,
          when: new Intl.DateTimeFormat(locale(), {
            dateStyle: 'medium',
            timeStyle: 'short',
          }).format(fetchedAt),
        })}{' '}
        <button type="button" class="link-button" onClick={syncNow}>
          {t('refresh')}
        </button>
      </p>
      <div class="form-group">
        <label class="label" for="filter-team">
          {t('team')}
        </label>
        <select
          id="filter-team"
          class="select"
          value={filter.teamId ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, teamId: (e.currentTarget as HTMLSelectElement).value || null })
          }
        >
          <option value="">{t('everyTeam')}</option>
          {portfolio.teams.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label class="label" for="filter-theme">
          {t('theme')}
        </label>
        <select
          id="filter-theme"
          class="select"
          value={filter.theme ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, theme: (e.currentTarget as HTMLSelectElement).value || null })
          }
        >
          <option value="">{t('everyTheme')}</option>
          {themesOf(portfolio).map((theme) => (
            <option key={theme} value={theme}>
              {themeLabel(theme)}
            </option>
          ))}
        </select>
      </div>
      <p>
        <button type="button" class="link-button" onClick={downloadCsv}>
          {t('downloadCsv')}
        </button>
      </p>
      <h2>{t('thisWeek')}</h2>
      {week.length === 0 ? (
        <p>{t('nothingChanged')}</p>
      ) : (
        <ul>
          {week.map((w, i) => (
            <li key={i}>
              {w.words} <span class="meta">({new Intl.DateTimeFormat(locale()).format(w.at)})</span>
            </li>
          ))}
        </ul>
      )}
      <ul class="card-list">
        {drawn.map((team) => (
          <TeamCard key={team.id} team={team} today={today} />
        ))}
      </ul>
      {teams.length > drawn.length && (
        <p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => setShown(shown + CARDS_AT_A_TIME)}
          >
            {t('showMoreTeams', {
              n: Math.min(CARDS_AT_A_TIME, teams.length - drawn.length),
              left: teams.length - drawn.length,
            })}
          </button>
        </p>
      )}
    </>
  );
}
