/**
 * The app shell: header, main, the routes and the footer. Capture (the home screen) is in
 * the first bundle; every other screen loads on first visit (preact-iso lazy),
 * and the service worker has precached them all, so they open offline too.
 */
import { useEffect, useState } from 'preact/hooks';
import type * as LateChromeModule from './components/lateChrome.ts';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { Header } from './components/Header.tsx';
import { headingFocusAfterNavigation } from './components/PageHeading.tsx';
import { Capture } from './screens/Capture.tsx';
import { t } from './components/common.en.ts';

const More = lazy(() => import('./screens/More.tsx').then((m) => m.More));
const IdeasList = lazy(() => import('./screens/IdeasList.tsx').then((m) => m.IdeasList));
const IdeaPage = lazy(() => import('./screens/IdeaPage.tsx').then((m) => m.IdeaPage));
const ForYou = lazy(() => import('./screens/ForYou.tsx').then((m) => m.ForYou));
const Team = lazy(() => import('./screens/Team.tsx').then((m) => m.Team));
const Join = lazy(() => import('./screens/Join.tsx').then((m) => m.Join));
const Settings = lazy(() => import('./screens/Settings.tsx').then((m) => m.Settings));
const Improvement = lazy(() =>
  import('./screens/ImprovementRoutes.tsx').then((m) => m.ImprovementRoutes),
);
const Accessibility = lazy(() =>
  import('./screens/legal/Accessibility.tsx').then((m) => m.Accessibility),
);
const Privacy = lazy(() => import('./screens/legal/Privacy.tsx').then((m) => m.Privacy));
const OnThisDevice = lazy(() =>
  import('./screens/legal/OnThisDevice.tsx').then((m) => m.OnThisDevice),
);
const Huddles = lazy(() => import('./screens/HuddleRoutes.tsx').then((m) => m.HuddleRoutes));

/** After an in-app navigation, move focus to the new page's heading (Capture focuses its field). */
function onRouteChange(url: string) {
  headingFocusAfterNavigation(!(url === '/' || url.startsWith('/?') || url.startsWith('/#')));
}

type LateChrome = typeof LateChromeModule;

/** The footer, the phone's bottom menu, the tablet guard and the open-huddle banner, once loaded after first paint. */
function useLateChrome(): LateChrome | null {
  const [late, setLate] = useState<LateChrome | null>(null);
  useEffect(() => {
    void import('./components/lateChrome.ts')
      .then((m) => setLate(m))
      .catch((e: unknown) => console.error('the menu could not load', e));
  }, []);
  return late;
}

export function App() {
  const late = useLateChrome();
  return (
    <LocationProvider>
      {late && <late.TabletLockGuard />}
      <a class="skip-link" href="#maincontent">
        {t('skip')}
      </a>
      <Header />
      <main class="width-container main" id="maincontent" tabIndex={-1}>
        {late && <late.OpenHuddleBanner />}
        <ErrorBoundary>
          <Router onRouteChange={onRouteChange}>
            <Route path="/" component={Capture} />
            <Route path="/ideas" component={IdeasList} />
            <Route path="/ideas/:id" component={IdeaPage} />
            <Route path="/ideas/:id/test" component={Improvement} />
            <Route path="/measures/:m*" component={Improvement} />
            <Route path="/challenge/:c*" component={Improvement} />
            <Route path="/for-you" component={ForYou} />
            <Route path="/team" component={Team} />
            <Route path="/join/:code" component={Join} />
            <Route path="/settings" component={Settings} />
            <Route path="/huddles/:rest*" component={Huddles} />
            <Route path="/accessibility" component={Accessibility} />
            <Route path="/privacy" component={Privacy} />
            <Route path="/on-this-device" component={OnThisDevice} />
            <Route path="/more" component={More} />
            {/* The organisation's screens (/org…) and "Page not found": ImprovementRoutes.tsx. */}
            <Route default component={Improvement} />
          </Router>
        </ErrorBoundary>
      </main>
      {late && <late.Footer />}
      {late && <late.BottomNav />}
    </LocationProvider>
  );
}
