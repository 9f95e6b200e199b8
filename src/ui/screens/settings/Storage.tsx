/**
 * Storage on this phone: whether the browser has promised not to clear it
 * (persistent storage) with a button to ask, and how much is used.
 */
import { useEffect, useState } from 'preact/hooks';
import { askPersist } from '../../actions/index.ts';

type Info = { persisted: boolean | null; usage: number | null; quota: number | null };

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

async function read(): Promise<Info> {
  const s = navigator.storage as StorageManager | undefined;
  const persisted = s?.persisted ? await s.persisted() : null;
  const est = s?.estimate ? await s.estimate() : null;
  return { persisted, usage: est?.usage ?? null, quota: est?.quota ?? null };
}

export function Storage() {
  const [info, setInfo] = useState<Info | null>(null);
  const [answer, setAnswer] = useState('');
  const refresh = () =>
    void read().then(setInfo, () => setInfo({ persisted: null, usage: null, quota: null }));
  useEffect(refresh, []);

  async function ask() {
    const granted = await askPersist();
    setAnswer(
      granted
        ? 'The browser will keep Ground Up’s data on this phone.'
        : 'The browser said no for now. It may agree later, for example after you add Ground Up to your home screen.',
    );
    refresh();
  }

  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage on this phone</h2>
      {info && (
        <dl class="summary-list">
          <dt>Kept safe from clearing</dt>
          <dd data-testid="persist-status">
            {info.persisted === null
              ? 'This browser does not say'
              : info.persisted
                ? 'Yes — the browser will not clear Ground Up’s data when space runs low'
                : 'No — if the phone runs very low on space the browser may clear data that has not synced'}
          </dd>
          <dt>Space used</dt>
          <dd>
            {info.usage === null
              ? 'Not known'
              : `${size(info.usage)}${info.quota ? ` of about ${size(info.quota)} available` : ''}`}
          </dd>
        </dl>
      )}
      {info?.persisted === false && (
        <button type="button" class="button button--secondary" onClick={() => void ask()}>
          Ask to keep data on this phone
        </button>
      )}
      <p class="success-text" role="status">
        {answer}
      </p>
    </section>
  );
}
