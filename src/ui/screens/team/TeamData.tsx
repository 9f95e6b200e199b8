/**
 * Data a team can hand back, on the team screen: the notice that the team is
 * to be deleted (asked for, or inactive) with "Keep the team" for a
 * facilitator; a facilitator's download of the team's data and deletion (the
 * team's name typed to confirm, then a grace period); and every member's
 * download of their own data and erasure of their name. All need a connection.
 */
import { useState } from 'preact/hooks';
import type { TeamDeletion } from '../../../domain/protocol.ts';
import { FORMER_MEMBER } from '../../../domain/records.ts';
import { createApi, type ApiResult } from '../../../sync/api.ts';
import { eraseMyName, NEEDS_CONNECTION } from '../../actions/index.ts';
import { dateOnly } from '../../format.ts';

const failureWords = (r: Exclude<ApiResult<unknown>, { kind: 'ok' }>) =>
  r.kind === 'offline' ? NEEDS_CONNECTION : r.message;

/** Saves a JSON answer as a file on the phone or computer. */
function saveJson(body: unknown, name: string): void {
  const exportedAt = (body as { exportedAt?: unknown }).exportedAt;
  const day = typeof exportedAt === 'number' ? new Date(exportedAt).toISOString().slice(0, 10) : '';
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}${day ? `-${day}` : ''}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DeletionNotice({
  deletion,
  token,
  facilitator,
  onChange,
}: {
  deletion: TeamDeletion;
  token: string;
  facilitator: boolean;
  onChange: () => void;
}) {
  const [message, setMessage] = useState('');
  async function keep() {
    const r = await createApi().keepTeam(token);
    if (r.kind === 'ok') onChange();
    else setMessage(failureWords(r));
  }
  return (
    <div class="callout" role="region" aria-labelledby="deletion-heading">
      <h2 class="callout__heading" id="deletion-heading">
        This team will be deleted on {dateOnly(deletion.deleteAfter)}
      </h2>
      <p>
        {deletion.reason === 'requested'
          ? 'A facilitator asked for it to be deleted.'
          : 'It has not been used for a long time.'}{' '}
        Everything in it will be removed from the server then: ideas, huddles, tests of change and
        measures. {facilitator ? 'You can keep it until then.' : 'A facilitator can keep it.'}
      </p>
      {facilitator && (
        <button type="button" class="button button--secondary" onClick={() => void keep()}>
          Keep the team
        </button>
      )}
      <p role="status">{message}</p>
    </div>
  );
}

export function TeamDataAdmin({
  token,
  teamName,
  onChange,
}: {
  token: string;
  teamName: string;
  onChange: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState('');
  async function download() {
    const r = await createApi().exportTeam(token);
    if (r.kind === 'ok') {
      saveJson(r.body, 'ground-up-team');
      setMessage("The team's data was downloaded.");
    } else setMessage(failureWords(r));
  }
  async function remove(e: Event) {
    e.preventDefault();
    const r = await createApi().deleteTeam(token, typed);
    if (r.kind === 'ok') {
      setAsking(false);
      setTyped('');
      setMessage(
        `The team will be deleted on ${dateOnly(r.body.deleteAfter)}. Until then you can keep it.`,
      );
      onChange();
    } else setMessage(failureWords(r));
  }
  return (
    <section aria-labelledby="team-data-heading">
      <h2 id="team-data-heading">The team's data</h2>
      <p>
        Download everything the team has shared (one file), or delete the team and everything in it
        from the server.
      </p>
      <div class="button-group">
        <button type="button" class="button button--secondary" onClick={() => void download()}>
          Download the team's data
        </button>
        {!asking && (
          <button type="button" class="button button--warning" onClick={() => setAsking(true)}>
            Delete the team
          </button>
        )}
      </div>
      {asking && (
        <form class="callout" onSubmit={(e) => void remove(e)}>
          <div class="form-group">
            <label class="label" for="confirm-team-name">
              Type the team's name, {teamName}, to delete it
            </label>
            <div class="hint" id="confirm-team-name-hint">
              The team is removed after a few days. Until then a facilitator can keep it.
            </div>
            <input
              class="input"
              id="confirm-team-name"
              type="text"
              autocomplete="off"
              aria-describedby="confirm-team-name-hint"
              value={typed}
              onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="button-group">
            <button type="submit" class="button button--warning">
              Delete {teamName}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

export function YourData({ token, onChange }: { token: string; onChange: () => void }) {
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState('');
  async function download() {
    const r = await createApi().exportMine(token);
    if (r.kind === 'ok') {
      saveJson(r.body, 'ground-up-my-data');
      setMessage('Your data was downloaded.');
    } else setMessage(failureWords(r));
  }
  async function erase() {
    const r = await eraseMyName(token);
    setAsking(false);
    if (r.kind === 'saved') {
      setMessage(`Your name now reads “${FORMER_MEMBER}” on everything you wrote.`);
      onChange();
    } else setMessage(r.message);
  }
  return (
    <section aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">Your data</h2>
      <p>
        Download everything the team's server holds about you, or have your name replaced by “
        {FORMER_MEMBER}” on everything you wrote.
      </p>
      <div class="button-group">
        <button type="button" class="button button--secondary" onClick={() => void download()}>
          Download your data
        </button>
        {!asking && (
          <button type="button" class="button button--secondary" onClick={() => setAsking(true)}>
            Remove my name
          </button>
        )}
      </div>
      {asking && (
        <div class="callout" role="alertdialog" aria-labelledby="erase-ask">
          <p id="erase-ask">
            Replace your name with “{FORMER_MEMBER}” on every idea, comment and ask you made? Your
            team will no longer see who wrote them. This cannot be undone.
          </p>
          <div class="button-group">
            <button type="button" class="button button--warning" onClick={() => void erase()}>
              Remove my name
            </button>
            <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
