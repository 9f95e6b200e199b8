/**
 * The accessibility statement, in the shape of the GOV.UK model statement
 * (Public Sector Bodies (Websites and Mobile Applications) (No. 2)
 * Accessibility Regulations 2018). What does not yet meet WCAG 2.2 AA is listed
 * plainly; keep it true when a screen changes.
 */
import { PageHeading } from '../../components/PageHeading.tsx';
import { DEPLOYMENT } from './deployment.ts';
import { t } from './legal.en.ts';
import { toComplete, Words } from './legalText.tsx';

export function Accessibility() {
  const org = toComplete(DEPLOYMENT.organisation, 'orgName');
  const email = toComplete(DEPLOYMENT.contactEmail, 'contactEmail');
  return (
    <>
      <PageHeading>{t('a11yHeading')}</PageHeading>
      <p class="lede">{t('a11yLede')}</p>
      <p>{t('a11yRunBy', { org })}</p>
      <ul>
        <li>{t('a11yColours')}</li>
        <li>{t('a11yZoom')}</li>
        <li>{t('a11yKeyboard')}</li>
        <li>{t('a11yReader')}</li>
      </ul>

      <h2>{t('a11yHowHeading')}</h2>
      <p>{t('a11yKnow')}</p>
      <ul>
        <li>{t('a11yTimer')}</li>
        <li>{t('a11yCharts')}</li>
        <li>{t('a11yPng')}</li>
        <li>{t('a11yUntested')}</li>
      </ul>

      <h2>{t('a11yFeedbackHeading')}</h2>
      <p>{t('a11yFeedback', { email })}</p>

      <h2>{t('a11yReportingHeading')}</h2>
      <p>{t('a11yReporting', { email })}</p>

      <h2>{t('a11yEnforcementHeading')}</h2>
      <p>
        <Words
          id="a11yEnforcement"
          parts={{
            link: <a href="https://www.equalityadvisoryservice.com/">{t('a11yEass')}</a>,
          }}
        />
      </p>

      <h2>{t('a11yTechHeading')}</h2>
      <p>{t('a11yCommitted', { org })}</p>
      <h3>{t('a11yComplianceHeading')}</h3>
      <p>
        <Words
          id="a11yCompliance"
          parts={{ link: <a href="https://www.w3.org/TR/WCAG22/">{t('a11yWcag')}</a> }}
        />
      </p>

      <h2>{t('a11yNonAccessibleHeading')}</h2>
      <h3>{t('a11yNonComplianceHeading')}</h3>
      <ul>
        <li>{t('a11yTimerFails')}</li>
        <li>{t('a11yChartFails')}</li>
        <li>{t('a11yPngFails')}</li>
      </ul>
      <h3>{t('a11yBurdenHeading')}</h3>
      <p>{t('a11yBurden')}</p>
      <h3>{t('a11yScopeHeading')}</h3>
      <p>{t('a11yScope')}</p>

      <h2>{t('a11yImprovingHeading')}</h2>
      <p>{t('a11yImproving')}</p>

      <h2>{t('a11yPreparedHeading')}</h2>
      <p>
        {t('a11yPrepared', {
          date: toComplete(DEPLOYMENT.statementPrepared, 'a11yPreparedDate'),
        })}
      </p>
    </>
  );
}
