/**
 * What the app keeps on the phone: IndexedDB (listed table by table from
 * deviceTables.ts) and the service worker's cache, all strictly necessary for
 * the app to work offline; no cookies, no trackers, no analytics.
 */
import { PageHeading } from '../../components/PageHeading.tsx';
import { DEVICE_TABLES } from './deviceTables.ts';
import { t } from './legal.en.ts';
import { Words } from './legalText.tsx';
import '../../styles/improvement.css';

export function OnThisDevice() {
  const settings = <a href="/settings">{t('settings')}</a>;
  return (
    <>
      <PageHeading>{t('deviceHeading')}</PageHeading>
      <p class="lede">{t('deviceLede')}</p>

      <h2>{t('deviceDbHeading')}</h2>
      <p>{t('deviceDb')}</p>
      <table class="table">
        <caption class="visually-hidden">{t('deviceCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deviceTable')}</th>
            <th scope="col">{t('deviceHolds')}</th>
          </tr>
        </thead>
        <tbody>
          {DEVICE_TABLES.map((table) => (
            <tr key={table.name}>
              <td>
                <code>{table.name}</code>
              </td>
              <td>{t(table.name)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('deviceCacheHeading')}</h2>
      <p>{t('deviceCache')}</p>

      <h2>{t('deviceLanguageHeading')}</h2>
      <p>
        <Words id="deviceLanguage" parts={{ link: settings, entry: <code>groundup.lang</code> }} />
      </p>

      <h2>{t('deviceNotHeading')}</h2>
      <ul>
        <li>{t('deviceNoCookies')}</li>
        <li>{t('deviceNoStorage')}</li>
        <li>{t('deviceNoTrackers')}</li>
      </ul>

      <h2>{t('deviceRemoveHeading')}</h2>
      <p>
        <Words id="deviceRemove" parts={{ link: settings }} />
      </p>
    </>
  );
}
