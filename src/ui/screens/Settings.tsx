/** Settings: changes that need attention first, then storage on this phone. */
import { PageHeading } from '../components/PageHeading.tsx';
import { NeedsAttention } from './settings/NeedsAttention.tsx';
import { Storage } from './settings/Storage.tsx';

export function Settings() {
  return (
    <>
      <PageHeading>Settings</PageHeading>
      <NeedsAttention />
      <Storage />
    </>
  );
}
