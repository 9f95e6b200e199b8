/**
 * The privacy notice, as a template the deploying trust completes (UK GDPR
 * articles 13 and 14: what is held, why, for how long, who to ask). What the
 * app holds is stated from the code (server/store/schema.ts, src/db/schema.ts);
 * the trust fills in who it is, its lawful basis and its contacts.
 */
import { PageHeading } from '../../components/PageHeading.tsx';
import { DEPLOYMENT } from './deployment.ts';
import { t } from './legal.en.ts';
import { toComplete, Words } from './legalText.tsx';

export function Privacy() {
  const org = toComplete(DEPLOYMENT.organisation, 'orgName');
  const email = toComplete(DEPLOYMENT.contactEmail, 'contactEmail');
  const days = toComplete(DEPLOYMENT.retentionDays, 'privacyDays');
  return (
    <>
      <PageHeading>{t('privacyHeading')}</PageHeading>
      <p class="lede">{t('privacyLede')}</p>
      <div class="callout" role="note">
        <p>{t('privacyTemplate')}</p>
      </div>

      <h2>{t('privacyWhoHeading')}</h2>
      <p>
        {t('privacyWho', {
          org,
          dpo: toComplete(DEPLOYMENT.dataProtectionOfficer, 'privacyDpo'),
        })}
      </p>

      <h2>{t('privacyWhatHeading')}</h2>
      <ul>
        <li>{t('privacyName')}</li>
        <li>{t('privacyWritten')}</li>
        <li>{t('privacySender')}</li>
        <li>{t('privacyKey')}</li>
        <li>{t('privacyLog')}</li>
      </ul>
      <p>{t('privacyWorkAccount')}</p>
      <p>{t('privacyNoPatients')}</p>

      <h2>{t('privacyWhyHeading')}</h2>
      <p>{t('privacyWhy', { basis: toComplete(null, 'privacyBasis') })}</p>

      <h2>{t('privacyHowLongHeading')}</h2>
      <ul>
        <li>{t('privacyInactive', { days })}</li>
        <li>{t('privacyDeleted')}</li>
        <li>
          <Words
            id="privacyOnPhone"
            parts={{ link: <a href="/on-this-device">{t('privacyOnPhoneLink')}</a> }}
          />
        </li>
      </ul>

      <h2>{t('privacySeeHeading')}</h2>
      <p>{t('privacySee', { org })}</p>

      <h2>{t('privacyRightsHeading')}</h2>
      <p>
        <Words
          id="privacyRights"
          values={{ email }}
          parts={{ link: <a href="https://ico.org.uk/make-a-complaint/">{t('privacyIco')}</a> }}
        />
      </p>
    </>
  );
}
