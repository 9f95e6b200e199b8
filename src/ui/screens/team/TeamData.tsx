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
import { eraseMyName } from '../../actions/index.ts';
import { dateOnly, memberName } from '../../format.ts';
import { t } from './team.en.ts';
import { saveFile } from '../../saveFile.ts';
import { serverWords } from '../../serverWords.ts';

const failureWords = (r: Exclude<ApiResult<unknown>, { kind: 'ok' }>) =>
  r.kind === 'offline' ? t('needsConnection') : serverWords(r.message);

/** Saves a JSON answer as a file on the phone or computer. */
function saveJson(body: unknown, name: string): void {
  const exportedAt = (body as { exportedAt?: unknown }).exportedAt;
  const day = typeof exportedAt === 'number' ? new Date(exportedAt).toISOString().slice(0, 10) : '';
  saveFile(
    new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
    `${name}${day ? `-${day}` : ''}.json`,
  );
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
        {t('deletedOn', { date: dateOnly(deletion.deleteAfter) })}
      </h2>
      <p>
        {deletion.reason === 'requested' ? t('askedDelete') : t('unused')} {t('removedThen')}{' '}
        {facilitator ? t('youCanKeep') : t('facilitatorCanKeep')}
      </p>
      {facilitator && (
        <button type="button" class="button button--secondary" onClick={() => void keep()}>
          {t('keepTeam')}
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
      setMessage(t('teamDownloaded'));
    } else setMessage(failureWords(r));
  }
  async function remove(e: Event) {
    e.preventDefault();
    const r = await createApi().deleteTeam(token, typed);
    if (r.kind === 'ok') {
      setAsking(false);
      setTyped('');
      setMessage(t('willDelete', { date: dateOnly(r.body.deleteAfter) }));
      onChange();
    } else setMessage(failureWords(r));
  }
  return (
    <section aria-labelledby="team-data-heading">
      <h2 id="team-data-heading">{t('teamData')}</h2>
      <p>{t('teamDataIntro')}</p>
      <div class="button-group">
        <button type="button" class="button button--secondary" onClick={() => void download()}>
          {t('downloadTeam')}
        </button>
        {!asking && (
          <button type="button" class="button button--warning" onClick={() => setAsking(true)}>
            {t('deleteTeam')}
          </button>
        )}
      </div>
      {asking && (
        <form class="callout" onSubmit={(e) => void remove(e)}>
          <div class="form-group">
            <label class="label" for="confirm-team-name">
              {t('typeName', { name: teamName })}
            </label>
            <div class="hint" id="confirm-team-name-hint">
              {t('typeNameHint')}
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
              {t('deleteName', { name: teamName })}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>
              {t('cancel')}
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
      setMessage(t('yourDownloaded'));
    } else setMessage(failureWords(r));
  }
  async function erase() {
    const r = await eraseMyName(token);
    setAsking(false);
    if (r.kind === 'saved') {
      setMessage(t('nameNow', { former: memberName(FORMER_MEMBER) }));
      onChange();
    } else setMessage(r.message);
  }
  return (
    <section aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">{t('yourData')}</h2>
      <p>{t('yourDataIntro', { former: memberName(FORMER_MEMBER) })}</p>
      <div class="button-group">
        <button type="button" class="button button--secondary" onClick={() => void download()}>
          {t('downloadYours')}
        </button>
        {!asking && (
          <button type="button" class="button button--secondary" onClick={() => setAsking(true)}>
            {t('removeMyName')}
          </button>
        )}
      </div>
      {asking && (
        <div class="callout" role="alertdialog" aria-labelledby="erase-ask">
          <p id="erase-ask">{t('askErase', { former: memberName(FORMER_MEMBER) })}</p>
          <div class="button-group">
            <button type="button" class="button button--warning" onClick={() => void erase()}>
              {t('removeMyName')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
