/**
 * Notifications on this phone, at the foot of "For you": off until the person
 * presses the button (the browser asks only then, never on first open), then
 * what to be told and quiet hours (22:00 to 07:00 unless they change it).
 */
import { useEffect, useState } from 'preact/hooks';
import { NOTIFY_KINDS, type NotifyPrefs } from '../../../domain/notify.ts';
import {
  notificationState,
  saveNotificationChoices,
  turnOffNotifications,
  turnOnNotifications,
  type NotifyOutcome,
  type NotifyState,
} from '../../actions/notifications.ts';

const hhmm = (m: number | null) =>
  m === null
    ? ''
    : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (s: string): number | null => {
  const m = /^(\d\d):(\d\d)$/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

import { notifyKindWords, t } from './forYou.en.ts';

function Choices({ prefs, onSaved }: { prefs: NotifyPrefs; onSaved: (o: NotifyOutcome) => void }) {
  const [kinds, setKinds] = useState(prefs.kinds);
  const [quiet, setQuiet] = useState(prefs.quietFrom !== null);
  const [from, setFrom] = useState(hhmm(prefs.quietFrom ?? 22 * 60));
  const [to, setTo] = useState(hhmm(prefs.quietTo ?? 7 * 60));
  const [busy, setBusy] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const quietFrom = quiet ? minutes(from) : null;
    const quietTo = quiet ? minutes(to) : null;
    onSaved(await saveNotificationChoices({ ...prefs, kinds, quietFrom, quietTo }));
    setBusy(false);
  };
  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <fieldset class="fieldset">
        <legend class="legend">{t('tellMeWhen')}</legend>
        {NOTIFY_KINDS.map((k) => (
          <div class="checkbox" key={k}>
            <input
              id={`notify-${k}`}
              type="checkbox"
              checked={kinds[k]}
              onChange={() => setKinds({ ...kinds, [k]: !kinds[k] })}
            />
            <label for={`notify-${k}`}>{notifyKindWords(k)}</label>
          </div>
        ))}
      </fieldset>
      <div class="checkbox">
        <input
          id="notify-quiet"
          type="checkbox"
          checked={quiet}
          onChange={() => setQuiet(!quiet)}
        />
        <label for="notify-quiet">{t('quiet')}</label>
      </div>
      {quiet && (
        <div class="form-group">
          <label class="label" for="notify-from">
            {t('from')}
          </label>
          <input
            id="notify-from"
            class="input input--short"
            type="time"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
          <label class="label" for="notify-to">
            {t('until')}
          </label>
          <input
            id="notify-to"
            class="input input--short"
            type="time"
            value={to}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </div>
      )}
      <button type="submit" class="button" disabled={busy}>
        {t('saveChoices')}
      </button>
    </form>
  );
}

export function NotificationSettings() {
  const [state, setState] = useState<NotifyState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void notificationState().then(setState);
  }, []);
  const after = (o: NotifyOutcome, done: string) => {
    if (o.kind === 'failed') setMessage(o.message);
    else {
      setState(o.state);
      setMessage(done);
    }
  };
  if (state === null || state.kind === 'not-joined') return null;
  return (
    <section aria-labelledby="notify-heading" data-testid="notification-settings">
      <h2 id="notify-heading">{t('notifyHeading')}</h2>
      {message && (
        <p class="inset-text" role="status">
          {message}
        </p>
      )}
      {state.kind === 'unsupported' && <p>{state.message}</p>}
      {state.kind === 'blocked' && <p>{t('blocked')}</p>}
      {state.kind === 'off' && (
        <>
          <p>{t('offIntro')}</p>
          <button
            type="button"
            class="button"
            onClick={() => void turnOnNotifications().then((o) => after(o, t('areOn')))}
          >
            {t('turnOn')}
          </button>
        </>
      )}
      {state.kind === 'on' && (
        <>
          <Choices prefs={state.prefs} onSaved={(o) => after(o, t('choicesSaved'))} />
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void turnOffNotifications().then((o) => after(o, t('areOff')))}
          >
            {t('turnOff')}
          </button>
        </>
      )}
    </section>
  );
}
