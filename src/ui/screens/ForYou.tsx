/**
 * "For you": what became of your ideas, comments on them, a huddle open now,
 * answers to your asks, asks waiting for the sponsor, reviews coming up. Built
 * on this phone from the records it holds, so it works offline. Viewing the
 * screen marks what it shows as read on this device; items new to this visit
 * keep their "New" tag until the person leaves. Below: notifications on this
 * phone, off until the person turns them on.
 */
import { useEffect, useRef } from 'preact/hooks';
import { loadInbox } from '../../db/inbox.ts';
import type { GroundUpDb } from '../../db/index.ts';
import { markSeen } from '../actions/inbox.ts';
import { today } from '../clock.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { dateTime } from '../format.ts';
import { useNow } from '../hooks/useNow.ts';
import { useData } from '../reads/useData.ts';
import { EmailSettings } from './forYou/EmailSettings.tsx';
import { NotificationSettings } from './forYou/NotificationSettings.tsx';

import { t } from './forYou/forYou.en.ts';

export function ForYou() {
  const now = useNow(60_000);
  const day = today(new Date(now));
  const data = useData((db: GroundUpDb) => loadInbox(db, now, day), [now, day]);
  /** Items unread when this visit first showed them. */
  const fresh = useRef(new Set<string>());
  const unseen = data ? data.items.filter((i) => !data.read.has(i.id)).map((i) => i.id) : [];
  for (const id of unseen) fresh.current.add(id);
  const key = unseen.join(' ');
  useEffect(() => {
    if (unseen.length > 0) void markSeen(unseen);
  }, [key]);

  if (!data) return <p class="secondary-text">{t('loading')}</p>;
  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      {data.memberId === null ? (
        <p>
          {t('notJoined')} <a href="/team">{t('joinTeam')}</a>
        </p>
      ) : data.items.length === 0 ? (
        <p>{t('nothing')}</p>
      ) : (
        <ul class="card-list" data-testid="inbox">
          {data.items.map((item) => (
            <li class="card" key={item.id} data-testid="inbox-item" data-kind={item.kind}>
              <h2 class="card__heading">{item.title}</h2>
              {fresh.current.has(item.id) && (
                <div class="tags">
                  <strong class="tag tag--green">{t('new')}</strong>
                </div>
              )}
              <p>{item.detail}</p>
              {item.at > 0 && item.kind !== 'review-soon' && (
                <p class="meta">{dateTime(item.at)}</p>
              )}
              <p>
                <a href={item.href}>{item.action}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <NotificationSettings />
      <EmailSettings />
    </>
  );
}
