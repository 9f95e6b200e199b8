/** A finished cycle, read-only: what was planned, what happened, what was decided. */
import type { PdsaRow } from '../../../db/improvementRows.ts';
import { ACT, ACT_OPTIONS, DO, PLAN, STUDY } from './cycleParts.ts';
import { t } from './pdsa.en.ts';

export function PastCycle({ cycle }: { cycle: PdsaRow }) {
  const r = cycle as Record<string, unknown>;
  const act = ACT_OPTIONS.find((o) => o.value === cycle.act)?.label ?? t('notDecided');
  const rows = [...PLAN, ...DO, ...STUDY, ...ACT].filter(
    (f) => typeof r[f.key] === 'string' && r[f.key] !== '',
  );
  return (
    <details class="card">
      <summary>{t('cycleAct', { n: String(cycle.cycle), act })}</summary>
      <dl class="summary-list">
        {rows.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd>{String(r[f.key])}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
