/**
 * "Worked elsewhere" (/org/elsewhere): the changes teams of the organisation
 * adopted and shared, newest first, with a search; readable offline once
 * synced. A withdrawn change is gone after the next pull.
 */
import { useState } from 'preact/hooks';
import { workedElsewhere } from '../../../db/orgQueries.ts';
import { takenUpWords } from '../../../domain/spread.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useData } from '../../reads/useData.ts';
import { themeLabel } from '../../categories.en.ts';
import { t } from './org.en.ts';

export function Elsewhere() {
  const [search, setSearch] = useState('');
  const shares = useData((db) => workedElsewhere(db, search), [search]);
  return (
    <>
      <PageHeading>{t('workedElsewhere')}</PageHeading>
      <p>{t('elsewhereIntro')}</p>
      <div class="form-group">
        <label class="label" for="elsewhere-search">
          {t('search')}
        </label>
        <input
          id="elsewhere-search"
          class="input"
          type="search"
          value={search}
          onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {shares === undefined ? (
        <p class="secondary-text">{t('loading')}</p>
      ) : shares.length === 0 ? (
        <p>{search ? t('noMatch') : t('nothingYet')}</p>
      ) : (
        <ul class="card-list">
          {shares.map((s) => (
            <li class="card" key={s.id}>
              <h2 class="card__heading">
                <a href={`/org/elsewhere/${s.id}`}>{s.title}</a>
              </h2>
              <p class="meta">
                {s.ours
                  ? t('sharedByYou')
                  : t('fromTeam', { team: s.teamName ?? t('anotherTeam') })}
                {s.category ? ` · ${themeLabel(s.category)}` : ''}
                {takenUpWords(s.takenUp) ? ` · ${takenUpWords(s.takenUp)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
