/**
 * A facilitator or sponsor shares an adopted or adapted change with the
 * organisation (/org/share/:ideaId): its title, what was tried (started from
 * the PDSA cycles' summaries), a measure's chart as it stands, and whom to
 * ask. Saved on this device and sent with the next sync.
 */
import '../../styles/improvement.css';
import { useRef, useState } from 'preact/hooks';
import { chartMeasure } from '../../../domain/charts/index.ts';
import { chartSvgText } from '../../components/chart/exportChart.ts';
import { ChartView } from '../measure/ChartView.tsx';
import { useLocation } from 'preact-iso';
import { shareDraft } from '../../../db/orgQueries.ts';
import { SHARE_LIMITS } from '../../../domain/orgSchema.ts';
import { LIMITS } from '../../../domain/records.ts';
import { share } from '../../actions/org.ts';
import { ErrorSummary, type Problem } from '../../components/ErrorSummary.tsx';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { useData } from '../../reads/useData.ts';
import { t } from './org.en.ts';
import { Sentence } from '../huddle/Sentence.tsx';

const NONE: readonly Problem[] = [];
type Values = { title: string; tried: string; contact: string };

export function ShareForm({ ideaId }: { ideaId: string }) {
  const draft = useData((db) => shareDraft(db, ideaId), [ideaId]);
  const [values, setValues] = useState<Values | null>(null);
  const [measureId, setMeasureId] = useState('');
  const [problems, setProblems] = useState(NONE);
  const { route } = useLocation();
  const preview = useRef<HTMLDivElement>(null);
  const guard = useIdentifierGuard((v: Values) => void save(v));
  if (draft === undefined) return <p class="secondary-text">{t('loading')}</p>;
  if (draft === null)
    return (
      <>
        <PageHeading>{t('ideaNotFound')}</PageHeading>
        <p>
          <a href="/ideas">{t('backToIdeas')}</a>
        </p>
      </>
    );
  const v = values ?? { title: draft.idea.title ?? '', tried: draft.tried, contact: draft.contact };
  const set = (key: keyof Values) => (text: string) => {
    setValues({ ...v, [key]: text });
    guard.clear();
  };

  async function save(form: Values) {
    const m = draft?.measures.find((x) => x.id === measureId) ?? null;
    const r = await share({
      ideaId,
      title: form.title.trim(),
      tried: form.tried.trim(),
      category: draft?.theme ?? null,
      measure: m
        ? {
            name: m.name,
            unit: m.unit,
            direction: m.direction,
            points: m.points,
            svg: snapshot(m.unit ? `${m.name} (${m.unit})` : m.name),
          }
        : null,
      contact: form.contact.trim(),
    });
    if (r.kind !== 'saved') return setProblems([{ message: r.message }]);
    route(`/org/elsewhere/${r.id}`);
  }
  /** The chart as the form shows it, as a picture that travels with the share (or none). */
  function snapshot(title: string): string | null {
    const el = preview.current;
    if (!el?.querySelector('svg.chart')) return null;
    return chartSvgText(el, title);
  }
  function onSubmit(e: Event) {
    e.preventDefault();
    const missing: Problem[] = [];
    if (!v.title.trim()) missing.push({ message: t('enterTitle'), field: 'share-title' });
    if (!v.contact.trim()) missing.push({ message: t('enterWhom'), field: 'share-contact' });
    if (missing.length > 0) return setProblems(missing);
    guard.check(v);
  }
  const chosen = draft.measures.find((x) => x.id === measureId) ?? null;
  const adopted = draft.idea.status === 'adopted' || draft.idea.status === 'adapted';
  return (
    <>
      <PageHeading>{t('shareHeading')}</PageHeading>
      {!adopted ? (
        <p>
          <Sentence say={(link) => t('onlyAdopted', { link })}>
            <a href={`/ideas/${ideaId}/test`}>{t('testOfChange')}</a>
          </Sentence>
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary problems={problems} id="share-errors" />
          <TextField
            spec={{ key: 'title', label: t('title'), max: LIMITS.ideaTitle }}
            id="share-title"
            value={v.title}
            onInput={set('title')}
          />
          <TextField
            spec={{
              key: 'tried',
              label: t('whatTried'),
              hint: t('triedHint'),
              long: true,
              max: SHARE_LIMITS.tried,
            }}
            id="share-tried"
            value={v.tried}
            onInput={set('tried')}
          />
          <div class="form-group">
            <label class="label" for="share-measure">
              {t('chartToShare')}
            </label>
            <select
              id="share-measure"
              class="select"
              value={measureId}
              onChange={(e) => setMeasureId((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{t('noChart')}</option>
              {draft.measures.map((m) => (
                <option key={m.id} value={m.id}>
                  {t('measurePoints', { name: m.name, n: m.points.length })}
                </option>
              ))}
            </select>
          </div>
          {chosen && (
            <div ref={preview}>
              <ChartView
                chart={chartMeasure({ points: chosen.points, direction: chosen.direction })}
                name={chosen.name}
                unit={chosen.unit}
                cycles={[]}
                id="share-chart"
              />
            </div>
          )}
          <TextField
            spec={{
              key: 'contact',
              label: t('whomToAsk'),
              hint: t('whomHint'),
              max: SHARE_LIMITS.contact,
            }}
            id="share-contact"
            value={v.contact}
            onInput={set('contact')}
          />
          {guard.warning && (
            <IdentifierWarning
              matches={guard.warning}
              what={t('sharedWhat')}
              onRemove={() => guard.remove(v)}
              onKeep={() => guard.keep(v)}
            />
          )}
          <button type="submit" class="button">
            {t('share')}
          </button>
        </form>
      )}
    </>
  );
}
