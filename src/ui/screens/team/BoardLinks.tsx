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

type Props = { token: string };

const NEEDS_CONNECTION = 'This needs a connection. Nothing was changed.';

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
        else setMessage(r.kind === 'offline' ? 'Board links show here when online.' : r.message);
      });
    return () => {
      live = false;
    };
  }, [token, version]);

  async function make() {
    const r = await createApi().createDisplay(token);
    if (r.kind !== 'ok') {
      setMessage(r.kind === 'offline' ? NEEDS_CONNECTION : r.message);
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
      setMessage(r.kind === 'offline' ? NEEDS_CONNECTION : r.message);
      return;
    }
    setMade(null);
    setMessage('Board link withdrawn. The TV showing it stops within a few seconds.');
    setVersion((n) => n + 1);
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setMessage('Board link copied.');
    } catch {
      setMessage('This browser would not copy the link. Select the link above and copy it.');
    }
  }

  return (
    <section class="card" aria-labelledby="board-links-heading">
      <h2 id="board-links-heading">Board for a TV</h2>
      <p>
        Put the huddle board on the ward TV without signing it in to the team: make a board link and
        open it in the TV’s browser. It shows the current huddle’s shortlist, timer and votes
        (hidden votes stay hidden), updates by itself, and can do nothing else.
      </p>
      {made && (
        <div class="inset-text" data-testid="board-link-made">
          <p>Open this link on the TV. It is shown only now: make a new one if you lose it.</p>
          <p class="board-link" data-testid="board-link">
            {made}
          </p>
          <button type="button" class="button button--secondary" onClick={() => void copy(made)}>
            Copy board link
          </button>
        </div>
      )}
      <p>
        <button type="button" class="button button--secondary" onClick={() => void make()}>
          Make a board link
        </button>
      </p>
      {links && links.length > 0 && (
        <ul class="card-list" aria-label="Board links in use">
          {links.map((l) =>
            asking === l.id ? (
              <li class="callout" key={l.id} role="alertdialog" aria-labelledby={`ask-${l.id}`}>
                <p id={`ask-${l.id}`}>
                  Withdraw the board link made {dateTime(l.createdAt)}? The TV showing it will stop
                  and say so. You can make a new link at any time.
                </p>
                <div class="button-group">
                  <button
                    type="button"
                    class="button button--warning"
                    onClick={() => void withdraw(l.id)}
                  >
                    Withdraw link
                  </button>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => setAsking(null)}
                  >
                    Cancel
                  </button>
                </div>
              </li>
            ) : (
              <li key={l.id} data-testid="board-link-row">
                Board link made {dateTime(l.createdAt)}{' '}
                <button type="button" class="link-button" onClick={() => setAsking(l.id)}>
                  Withdraw
                  <span class="visually-hidden"> the board link made {dateTime(l.createdAt)}</span>
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
