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
        title="Plan"
        fields={PLAN}
        initial={valuesOf(cycle, PLAN)}
        submit="Save the plan"
        savedText="Plan saved on this phone"
        locked={planLock}
        onSave={(text) => saveCycle(cycle.id, text)}
      />
      <CycleSection
        {...parts('do')}
        title="Do"
        fields={DO}
        initial={valuesOf(cycle, DO)}
        choice={{
          legend: 'Was it carried out as planned?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
          value: asPlanned,
        }}
        submit="Save what happened"
        savedText="Saved on this phone"
        onSave={(text, choice) =>
          saveCycle(cycle.id, { ...text, ...(choice ? { asPlanned: choice === 'yes' } : {}) })
        }
      />
      <CycleSection
        {...parts('study')}
        title="Study"
        fields={STUDY}
        initial={valuesOf(cycle, STUDY)}
        submit="Save the study"
        savedText="Saved on this phone"
        onSave={(text) => saveCycle(cycle.id, text)}
      />
      <CycleSection
        {...parts('act')}
        title="Act"
        fields={ACT}
        initial={valuesOf(cycle, ACT)}
        choice={{
          legend: 'What will we do with this change?',
          options: ACT_OPTIONS,
          value: cycle.act ?? '',
        }}
        choiceRequired="Choose adopt, adapt or abandon"
        locked={actLock}
        choiceKey="act"
        submit="Save the decision"
        savedText="Decision saved on this phone"
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
  if (act === 'adapt')
    return opened ? 'The next cycle is open, with the plan carried over.' : 'Saved.';
  const status = act === 'adopt' ? 'Adopted' : 'Abandoned';
  return moved
    ? `The idea is now ${status}.`
    : `Saved. A facilitator or sponsor moves the idea to ${status}.`;
}
