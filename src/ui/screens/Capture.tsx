/**
 * The home screen: capture an idea, fast, with or without a connection, and
 * see what this phone has captured. Loaded with the app (never lazy).
 */
import { categories } from '../../db/categories.ts';
import { getSession } from '../../db/session.ts';
import { DEFAULT_CATEGORIES } from '../../domain/records.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useData } from '../reads/useData.ts';
import { CaptureForm } from './capture/CaptureForm.tsx';
import { t } from './capture/capture.en.ts';
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';

/**
 * "My ideas" loads just after the first render: typing and saving an idea do
 * not need it, and its list queries and words would cost the capture screen's
 * 50 KB budget. Its heading holds the place until it arrives.
 */
function MyIdeas() {
  const [List, setList] = useState<ComponentType | null>(null);
  useEffect(() => {
    void import('./capture/MyIdeas.tsx')
      .then((m) => setList(() => m.MyIdeas))
      .catch((e: unknown) => console.error('My ideas could not load', e));
  }, []);
  return List ? <List /> : null;
}

export function Capture() {
  const joined = useData(async (db) => (await getSession(db)) !== null, []);
  const cats = useData(categories, []);
  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      <CaptureForm categories={cats ?? DEFAULT_CATEGORIES} />
      {joined === false && (
        <div class="inset-text">
          <p>
            {t('noTeam')} <a href="/team">{t('joinLink')}</a>
          </p>
        </div>
      )}
      <MyIdeas />
    </>
  );
}
