/** The four parts of one PDSA cycle, each a short form of its own. */
import type { PdsaRow } from '../../../db/improvementRows.ts';
import { decideAct, saveCycle } from '../../../db/improvementWrites.ts';
import { appDb } from '../../../db/index.ts';
import type { Act } from '../../../domain/improvement.ts';
import { CycleSection } from './CycleSection.tsx';
import { ACT, ACT_OPTIONS, DO, PLAN, STUDY, valuesOf } from './cycleParts.ts';

export function CycleForms({
  cycle,
  onDecided,
}: {
  cycle: PdsaRow;
  onDecided: (words: string) => void;
}) {
  const db = appDb();
  const asPlanned = cycle.asPlanned === true ? 'yes' : cycle.asPlanned === false ? 'no' : '';
  return (
    <>
      <CycleSection
        part="plan"
        title="Plan"
        fields={PLAN}
        initial={valuesOf(cycle, PLAN)}
        submit="Save the plan"
        savedText="Plan saved on this phone"
        onSave={(text) => saveCycle(db, cycle.id, text, Date.now())}
      />
      <CycleSection
        part="do"
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
          saveCycle(
            db,
            cycle.id,
            { ...text, ...(choice ? { asPlanned: choice === 'yes' } : {}) },
            Date.now(),
          )
        }
      />
      <CycleSection
        part="study"
        title="Study"
        fields={STUDY}
        initial={valuesOf(cycle, STUDY)}
        submit="Save the study"
        savedText="Saved on this phone"
        onSave={(text) => saveCycle(db, cycle.id, text, Date.now())}
      />
      <CycleSection
        part="act"
        title="Act"
        fields={ACT}
        initial={valuesOf(cycle, ACT)}
        choice={{
          legend: 'What will we do with this change?',
          options: ACT_OPTIONS,
          value: cycle.act ?? '',
        }}
        choiceRequired="Choose adopt, adapt or abandon"
        submit="Save the decision"
        savedText="Decision saved on this phone"
        onSave={async (text, choice) => {
          const r = await decideAct(db, cycle.id, choice as Act, text['next'] ?? '', Date.now());
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
