/**
 * A facilitator's board links for a ward TV: make one (its address is shown
 * once, to open on the TV), and withdraw one after a confirm step (the TV
 * showing it stops within seconds and says what to do). A board link shows
 * the current huddle's board and nothing else; the TV takes no member seat.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DisplayList } from '../../../domain/display.ts';
import { createApi } from '../../../sync/api.ts';
import { dateTime } from '../../format.ts';
import { serverWords } from '../../serverWords.ts';
import { t } from './team.en.ts';

type Props = { token: string };

export function BoardLinks({ token }: Props) {
  const [links, setLinks] = useState<DisplayList['displays'] | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void createApi()
      .listDisplays(token)
      .then((r) => {
        if (!live) return;
        if (r.kind === 'ok') setLinks(r.body.displays);
        else setMessage(r.kind === 'offline' ? t('boardOnline') : serverWords(r.message));
      });
    return () => {
      live = false;
    };
  }, [token, version]);

  async function make() {
    const r = await createApi().createDisplay(token);
    if (r.kind !== 'ok') {
      setMessage(r.kind === 'offline' ? t('needsConnection') : serverWords(r.message));
      return;
    }
    setMade(`${window.location.origin}/huddles/tv#${r.body.token}`);
    setMessage('');
    setVersion((n) => n + 1);
  }

  async function withdraw(id: string) {
    const r = await createApi().revokeDisplay(token, id);
    setAsking(null);
    if (r.kind !== 'ok') {
      setMessage(r.kind === 'offline' ? t('needsConnection') : serverWords(r.message));
      return;
    }
    setMade(null);
    setMessage(t('boardWithdrawn'));
    setVersion((n) => n + 1);
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setMessage(t('boardCopied'));
    } catch {
      setMessage(t('noCopy'));
    }
  }

  return (
    <section class="card" aria-labelledby="board-links-heading">
      <h2 id="board-links-heading">{t('boardHeading')}</h2>
      <p>{t('boardIntro')}</p>
      {made && (
        <div class="inset-text" data-testid="board-link-made">
          <p>{t('boardOpen')}</p>
          <p class="board-link" data-testid="board-link">
            {made}
          </p>
          <button type="button" class="button button--secondary" onClick={() => void copy(made)}>
            {t('boardCopy')}
          </button>
        </div>
      )}
      <p>
        <button type="button" class="button button--secondary" onClick={() => void make()}>
          {t('boardMake')}
        </button>
      </p>
      {links && links.length > 0 && (
        <ul class="card-list" aria-label={t('boardInUse')}>
          {links.map((l) =>
            asking === l.id ? (
              <li class="callout" key={l.id} role="alertdialog" aria-labelledby={`ask-${l.id}`}>
                <p id={`ask-${l.id}`}>{t('boardAsk', { when: dateTime(l.createdAt) })}</p>
                <div class="button-group">
                  <button
                    type="button"
                    class="button button--warning"
                    onClick={() => void withdraw(l.id)}
                  >
                    {t('boardWithdrawLink')}
                  </button>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => setAsking(null)}
                  >
                    {t('cancel')}
                  </button>
                </div>
              </li>
            ) : (
              <li key={l.id} data-testid="board-link-row">
                {t('boardMade', { when: dateTime(l.createdAt) })}{' '}
                <button type="button" class="link-button" onClick={() => setAsking(l.id)}>
                  {t('withdraw')}
                  <span class="visually-hidden">
                    {' '}
                    {t('boardWithdrawWhich', { when: dateTime(l.createdAt) })}
                  </span>
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <p class="success-text" role="status">
        {message}
      </p>
    </section>
  );
}
