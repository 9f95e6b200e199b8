/**
 * The app shell: header, main and the routes. Capture (the home screen) is in
 * the first bundle; every other screen loads on first visit (preact-iso lazy),
 * and the service worker has precached them all, so they open offline too.
 */
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { BottomNav } from './components/BottomNav.tsx';
import { Header } from './components/Header.tsx';
import { TabletLockGuard } from './components/TabletLockGuard.tsx';
import { headingFocusAfterNavigation, PageHeading } from './components/PageHeading.tsx';
import { Capture } from './screens/Capture.tsx';
// Not lazy: a few links, and a chunk of its own made the bundler split the first load.
import { More } from './screens/More.tsx';

const IdeasList = lazy(() => import('./screens/IdeasList.tsx').then((m) => m.IdeasList));
const IdeaPage = lazy(() => import('./screens/IdeaPage.tsx').then((m) => m.IdeaPage));
const Team = lazy(() => import('./screens/Team.tsx').then((m) => m.Team));
const Join = lazy(() => import('./screens/Join.tsx').then((m) => m.Join));
const Settings = lazy(() => import('./screens/Settings.tsx').then((m) => m.Settings));
const Improvement = lazy(() =>
  import('./screens/ImprovementRoutes.tsx').then((m) => m.ImprovementRoutes),
);
const Huddles = lazy(() => import('./screens/HuddleRoutes.tsx').then((m) => m.HuddleRoutes));

function NotFound() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        If you typed the web address, check it is correct. <a href="/">Capture an idea</a>
      </p>
    </>
  );
}

/** After an in-app navigation, move focus to the new page's heading (Capture focuses its field). */
function onRouteChange(url: string) {
  headingFocusAfterNavigation(!(url === '/' || url.startsWith('/?') || url.startsWith('/#')));
}

export function App() {
  return (
    <LocationProvider>
      <TabletLockGuard />
      <a class="skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header />
      <main class="width-container main" id="maincontent" tabIndex={-1}>
        <ErrorBoundary>
          <Router onRouteChange={onRouteChange}>
            <Route path="/" component={Capture} />
            <Route path="/ideas" component={IdeasList} />
            <Route path="/ideas/:id" component={IdeaPage} />
            <Route path="/ideas/:id/test" component={Improvement} />
            <Route path="/measures/:m*" component={Improvement} />
            <Route path="/challenge/:c*" component={Improvement} />
            <Route path="/team" component={Team} />
            <Route path="/join/:code" component={Join} />
            <Route path="/settings" component={Settings} />
            <Route path="/huddles/:rest*" component={Huddles} />
            <Route path="/more" component={More} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
      <BottomNav />
    </LocationProvider>
  );
}
