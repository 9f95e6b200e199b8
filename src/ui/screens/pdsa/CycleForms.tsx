/** The four parts of one PDSA cycle, each a short form of its own. */
import type { PdsaRow } from '../../../db/improvementRows.ts';
import { decideAct, saveCycle } from '../../actions/index.ts';
import type { Act } from '../../../domain/improvement.ts';
import { useState } from 'preact/hooks';
import { stageOf } from '../../../domain/pdsa.ts';
import { CycleSection } from './CycleSection.tsx';

const PARTS = ['plan', 'do', 'study', 'act'] as const;
type Part = (typeof PARTS)[number];
import { ACT, ACT_OPTIONS, DO, PLAN, STUDY, valuesOf } from './cycleParts.ts';
import type { SessionResponse } from '../../../domain/protocol.ts';
import { lockedFields } from '../../reads/mayChange.ts';
import { t } from './pdsa.en.ts';
import { statusLabel } from '../../format.ts';

const keysOf = (specs: readonly { key: string }[]) => specs.map((f) => f.key);

export function CycleForms({
  cycle,
  session,
  onDecided,
}: {
  cycle: PdsaRow;
  session: SessionResponse | null;
  onDecided: (words: string) => void;
}) {
  // Asked of the server's own rules before anything is typed (rules/before.ts).
  const planLock = lockedFields(session, 'pdsa', cycle, keysOf(PLAN));
  const actLock = lockedFields(session, 'pdsa', cycle, ['act', ...keysOf(ACT)]);
  const asPlanned = cycle.asPlanned === true ? 'yes' : cycle.asPlanned === false ? 'no' : '';
  const stage = stageOf(cycle);
  const at = stage === 'done' ? PARTS.length : PARTS.indexOf(stage);
  // Open: the stage the cycle was at when the page opened, and each next one once saved.
  // A finished cycle opens on its decision.
  const [open, setOpen] = useState<ReadonlySet<Part>>(
    () => new Set([stage === 'done' ? 'act' : stage]),
  );
  const parts = (part: Part) => {
    const i = PARTS.indexOf(part);
    const next = PARTS[i + 1];
    return {
      part,
      open: open.has(part),
      state: i < at ? ('done' as const) : i === at ? ('now' as const) : ('later' as const),
      onToggle: (o: boolean) =>
        setOpen((s) => {
          if (o === s.has(part)) return s;
          const n = new Set(s);
          if (o) n.add(part);
          else n.delete(part);
          return n;
        }),
      onSaved: () => {
        if (next) setOpen((s) => new Set([...s, next]));
      },
    };
  };
  return (
    <>
      <CycleSection
        {...parts('plan')}
        title={t('plan')}
        fields={PLAN}
        initial={valuesOf(cycle, PLAN)}
        submit={t('savePlan')}
        savedText={t('planSaved')}
        locked={planLock}
        onSave={(text) => saveCycle(cycle.id, text)}
      />
      <CycleSection
        {...parts('do')}
        title={t('do')}
        fields={DO}
        initial={valuesOf(cycle, DO)}
        choice={{
          legend: t('asPlanned'),
          options: [
            { value: 'yes', label: t('yes') },
            { value: 'no', label: t('no') },
          ],
          value: asPlanned,
        }}
        submit={t('saveDo')}
        savedText={t('saved')}
        onSave={(text, choice) =>
          saveCycle(cycle.id, { ...text, ...(choice ? { asPlanned: choice === 'yes' } : {}) })
        }
      />
      <CycleSection
        {...parts('study')}
        title={t('study')}
        fields={STUDY}
        initial={valuesOf(cycle, STUDY)}
        submit={t('saveStudy')}
        savedText={t('saved')}
        onSave={(text) => saveCycle(cycle.id, text)}
      />
      <CycleSection
        {...parts('act')}
        title={t('act')}
        fields={ACT}
        initial={valuesOf(cycle, ACT)}
        choice={{
          legend: t('whatWithChange'),
          options: ACT_OPTIONS,
          value: cycle.act ?? '',
        }}
        choiceRequired={t('chooseAct')}
        locked={actLock}
        choiceKey="act"
        submit={t('saveDecision')}
        savedText={t('decisionSaved')}
        onSave={async (text, choice) => {
          const r = await decideAct(cycle.id, choice as Act, text['next'] ?? '');
          if (r.kind === 'saved')
            onDecided(decidedWords(choice as Act, r.nextId !== null, r.ideaMoved));
          return r;
        }}
      />
    </>
  );
}

function decidedWords(act: Act, opened: boolean, moved: boolean): string {
  if (act === 'adapt') return opened ? t('nextOpen') : t('savedShort');
  const status = statusLabel(act === 'adopt' ? 'adopted' : 'abandoned');
  return moved ? t('ideaNow', { status }) : t('sponsorMoves', { status });
}
