/** Annotating a data point after the fact ("new rota started"), with the identifier guard. */
import { useState } from 'preact/hooks';
import type { PointRow } from '../../../db/improvementRows.ts';
import { editPoint } from '../../actions/index.ts';
import { IMPROVEMENT_LIMITS as L } from '../../../domain/improvement.ts';
import { IdentifierWarning } from '../../components/IdentifierWarning.tsx';
import { useIdentifierGuard } from '../../hooks/useIdentifierGuard.ts';
import { shortDay } from '../../format.ts';
import { t } from './measure.en.ts';

export function NoteEditor({ row, onDone }: { row: PointRow; onDone: () => void }) {
  const [note, setNote] = useState(row.note ?? '');
  const guard = useIdentifierGuard((f: { note: string }) => void save(f.note));
  const id = `note-${row.id}`;
  async function save(text: string) {
    await editPoint(row.id, { note: text.trim() });
    onDone();
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        guard.check({ note });
      }}
    >
      <label class="label" for={id}>
        {t('noteFor', { day: shortDay(row.date ?? '') })}
      </label>
      <input
        id={id}
        class="input"
        maxLength={L.short}
        value={note}
        onInput={(e) => {
          setNote((e.currentTarget as HTMLInputElement).value);
          guard.clear();
        }}
      />
      {guard.warning && (
        <IdentifierWarning
          matches={guard.warning}
          what={t('notesWhat')}
          onRemove={() => guard.remove({ note })}
          onKeep={() => guard.keep({ note })}
        />
      )}
      <button type="submit" class="button button--small">
        {t('saveNote')}
      </button>
    </form>
  );
}
