/**
 * "More" from the phone's bottom navigation: every menu link the bottom bar
 * has no room for (Measures, Team, Settings, and whatever the menu gains),
 * as an NHS list of links.
 */
import { BOTTOM, linkLabel, LINKS } from '../components/navLinks.ts';
import { t } from '../components/chrome.en.ts';
import { PageHeading } from '../components/PageHeading.tsx';

export function More() {
  const rest = LINKS.filter((l) => !BOTTOM.includes(l.href));
  return (
    <>
      <PageHeading>{t('more')}</PageHeading>
      <ul class="more-list">
        {rest.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{linkLabel(l)}</a>
          </li>
        ))}
        {/* Not in the header's menu: the capture screen's first load has no room for it. */}
        <li>
          <a href="/org">{t('organisation')}</a>
        </li>
      </ul>
    </>
  );
}
