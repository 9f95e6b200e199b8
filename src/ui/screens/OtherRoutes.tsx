/**
 * Every path no other route claims (App.tsx's default route, through
 * ImprovementRoutes.tsx so it costs the capture screen's first load no lazy
 * import of its own): the organisation's screens under /org (decision 0021),
 * else "Page not found".
 */
import { useLocation } from 'preact-iso';
import { PageHeading } from '../components/PageHeading.tsx';
import { Elsewhere } from './org/Elsewhere.tsx';
import { OrgHome } from './org/OrgHome.tsx';
import { PortfolioScreen } from './org/Portfolio.tsx';
import { ShareForm } from './org/ShareForm.tsx';
import { SharePage } from './org/SharePage.tsx';
import { t } from './routes.en.ts';

function NotFound() {
  return (
    <>
      <PageHeading>{t('notFound')}</PageHeading>
      <p>
        {t('checkAddress')} <a href="/">{t('capture')}</a>
      </p>
    </>
  );
}

export function OtherRoutes() {
  const { path } = useLocation();
  const [, first, section, id, more] = path.split('/');
  if (first !== 'org' || more !== undefined) return <NotFound />;
  if (section === undefined || section === '') return <OrgHome />;
  if (section === 'elsewhere') return id ? <SharePage id={id} /> : <Elsewhere />;
  if (section === 'share' && id) return <ShareForm ideaId={id} />;
  if (section === 'portfolio' && id === undefined) return <PortfolioScreen />;
  return <NotFound />;
}
