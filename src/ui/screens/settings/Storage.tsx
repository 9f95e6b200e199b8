/**
 * Storage on this phone: whether the browser has promised not to clear it
 * (persistent storage) with a button to ask, and how much is used.
 */
import { useEffect, useState } from 'preact/hooks';
import { askPersist } from '../../actions/index.ts';
import { locale } from '../../../i18n/index.ts';
import { t } from './settings.en.ts';

type Info = { persisted: boolean | null; usage: number | null; quota: number | null };

/** "512 KB", "1.5 MB", "2.1 GB" (Welsh "1.5 MB" too), by Intl for the chosen language. */
function size(bytes: number): string {
  const [n, unit] =
    bytes < 1024 * 1024
      ? [Math.max(1, Math.round(bytes / 1024)), 'kilobyte']
      : bytes < 1024 ** 3
        ? [bytes / 1024 ** 2, 'megabyte']
        : [bytes / 1024 ** 3, 'gigabyte'];
  return new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit,
    maximumFractionDigits: unit == 'kilobyte' ? 0 : 1,
    minimumFractionDigits: unit == 'kilobyte' ? 0 : 1,
  }).format(n);
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
    setAnswer(granted ? t('granted') : t('refused'));
    refresh();
  }

  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('storageHeading')}</h2>
      {info && (
        <dl class="summary-list">
          <dt>{t('keptSafe')}</dt>
          <dd data-testid="persist-status">
            {info.persisted === null
              ? t('notSaid')
              : info.persisted
                ? t('persisted')
                : t('notPersisted')}
          </dd>
          <dt>{t('spaceUsed')}</dt>
          <dd>
            {info.usage === null
              ? t('notKnown')
              : info.quota
                ? t('usedOf', { used: size(info.usage), quota: size(info.quota) })
                : size(info.usage)}
          </dd>
        </dl>
      )}
      {info?.persisted === false && (
        <button type="button" class="button button--secondary" onClick={() => void ask()}>
          {t('askKeep')}
        </button>
      )}
      <p class="success-text" role="status">
        {answer}
      </p>
    </section>
  );
}
