/**
 * Entry point: put the chosen language in force (Welsh: its catalogues from
 * the precache, before the first paint), draw the app first (the capture field must be usable at once),
 * then, off the critical path, load the write path, register the service worker, start sync and ask
 * once for persistent storage.
 */
import { render } from 'preact';
import { App } from './ui/App.tsx';
import { language } from './i18n/index.ts';
import { LANGUAGE_EVENT, setLanguage, storedLanguage } from './i18n/choose.ts';
import { loadWrites } from './ui/localWrites.ts';
import { askPersistOnce } from './ui/actions/storage.ts';
import { registerServiceWorker } from './ui/serviceWorker.ts';
import { startSyncSoon } from './ui/syncClient.ts';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/buttons.css';
import './ui/styles/forms.css';
import './ui/styles/feedback.css';
import './ui/styles/parts.css';

const root = document.getElementById('app');
/** Drawn anew (keyed by language) when the person switches language in Settings. */
const draw = () => root && render(<App key={language()} />, root);
/** The service worker says notifications in this language: it reads it from the database. */
const keepLanguage = () =>
  import('./ui/reads/database.ts')
    .then(async ({ database }) =>
      (await database()).appDb().meta.put({ key: 'lang', lang: language() }),
    )
    .catch((e: unknown) => console.error('the language could not be kept for notifications', e));
addEventListener(LANGUAGE_EVENT, () => {
  draw();
  void keepLanguage();
});
setLanguage(storedLanguage())
  .then(draw, (e: unknown) => {
    console.error('the Welsh words could not load', e);
    draw();
  })
  .finally(() => void keepLanguage());

loadWrites().catch((e: unknown) => console.error('the write path could not load', e));
startSyncSoon();
registerServiceWorker().catch((e: unknown) =>
  console.error('service worker registration failed', e),
);
askPersistOnce().catch((e: unknown) => console.error('could not ask for persistent storage', e));
