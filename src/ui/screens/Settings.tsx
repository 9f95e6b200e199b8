/** Settings: changes that need attention first, then the language, then storage on this phone. */
import { PageHeading } from '../components/PageHeading.tsx';
import { Language } from './settings/Language.tsx';
import { NeedsAttention } from './settings/NeedsAttention.tsx';
import { t } from './settings/settings.en.ts';
import { Storage } from './settings/Storage.tsx';

export function Settings() {
  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      <NeedsAttention />
      <Language />
      <Storage />
    </>
  );
}
