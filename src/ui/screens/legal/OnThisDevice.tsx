/**
 * What the app keeps on the phone: IndexedDB (listed table by table from
 * deviceTables.ts) and the service worker's cache, all strictly necessary for
 * the app to work offline; no cookies, no trackers, no analytics.
 */
import { PageHeading } from '../../components/PageHeading.tsx';
import { DEVICE_TABLES } from './deviceTables.ts';
import '../../styles/improvement.css';

export function OnThisDevice() {
  return (
    <>
      <PageHeading>What this app keeps on your phone</PageHeading>
      <p class="lede">
        Ground Up works with no signal, so it keeps your team's work on your phone. Everything it
        keeps is strictly necessary for that: it sets no cookies and has no trackers, adverts or
        analytics.
      </p>

      <h2>The app's database (IndexedDB)</h2>
      <p>
        One database in your browser, called "ground-up", holds these tables. Only this app, on this
        web address, can read them.
      </p>
      <table class="table">
        <caption class="visually-hidden">Tables in the app's database</caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">What it holds</th>
          </tr>
        </thead>
        <tbody>
          {DEVICE_TABLES.map((t) => (
            <tr key={t.name}>
              <td>
                <code>{t.name}</code>
              </td>
              <td>{t.holds}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>The service worker's cache</h2>
      <p>
        A service worker keeps a copy of the app itself (its pages, scripts, styles and icons) in
        the browser's cache storage, so the app opens with no signal. It holds none of your data. A
        new version replaces the old copy when you choose "Reload" in the update banner.
      </p>

      <h2>Your language</h2>
      <p>
        If you choose English or Cymraeg in <a href="/settings">Settings</a>, that choice is kept in
        the browser's local storage (one entry, <code>groundup.lang</code>), so the app opens in
        your language before anything else loads. It says nothing about you. Until you choose,
        nothing is kept there and the browser's language decides.
      </p>

      <h2>What it does not keep</h2>
      <ul>
        <li>no cookies</li>
        <li>nothing else in local storage, and nothing in session storage</li>
        <li>
          no trackers, analytics or adverts, and nothing sent to anyone but your team's server
        </li>
      </ul>

      <h2>How to remove it</h2>
      <p>
        Clear this site's data in your browser's settings, or uninstall the app from your home
        screen. Anything still waiting to be sent (see <a href="/settings">Settings</a>) is lost if
        you do, so check first that everything has synced.
      </p>
    </>
  );
}
