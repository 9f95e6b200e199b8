/**
 * The home screen: capture an idea, fast, with or without a connection, and
 * see what this phone has captured. Loaded with the app (never lazy).
 */
import { appDb } from '../../db/index.ts';
import { categories } from '../../db/queries.ts';
import { getSession } from '../../db/session.ts';
import { DEFAULT_CATEGORIES } from '../../domain/records.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { CaptureForm } from './capture/CaptureForm.tsx';
import { MyIdeas } from './capture/MyIdeas.tsx';

export function Capture() {
  const joined = useLiveQuery(async () => (await getSession(appDb())) !== null, []);
  const cats = useLiveQuery(() => categories(appDb()), []);
  return (
    <>
      <PageHeading>Capture an idea</PageHeading>
      <CaptureForm categories={cats ?? DEFAULT_CATEGORIES} />
      {joined === false && (
        <div class="inset-text">
          <p>
            You're not in a team yet — your ideas are safe on this phone and will be sent when you
            join. <a href="/team">Join or start a team</a>
          </p>
        </div>
      )}
      <MyIdeas />
    </>
  );
}
