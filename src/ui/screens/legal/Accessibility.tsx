/**
 * The accessibility statement, in the shape of the GOV.UK model statement
 * (Public Sector Bodies (Websites and Mobile Applications) (No. 2)
 * Accessibility Regulations 2018). What does not yet meet WCAG 2.2 AA is listed
 * plainly; keep it true when a screen changes.
 */
import { PageHeading } from '../../components/PageHeading.tsx';
import { DEPLOYMENT, filled } from './deployment.ts';

export function Accessibility() {
  const org = filled(DEPLOYMENT.organisation, "your organisation's name");
  const email = filled(DEPLOYMENT.contactEmail, 'contact email');
  return (
    <>
      <PageHeading>Accessibility statement for Ground Up</PageHeading>
      <p class="lede">
        This statement applies to Ground Up, the app ward teams use to capture improvement ideas,
        vote on them in huddles, run tests of change and measure the results.
      </p>
      <p>
        Ground Up is run by {org}. We want as many people as possible to be able to use it. For
        example, that means you should be able to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts using browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate most of the app using just a keyboard or speech recognition software</li>
        <li>listen to most of the app using a screen reader</li>
      </ul>

      <h2>How accessible this app is</h2>
      <p>We know some parts of this app are not fully accessible:</p>
      <ul>
        <li>the huddle timer does not announce when time is up to screen reader users</li>
        <li>
          run charts are pictures: each has a title, but the points and signals on them are only
          listed as words in the measure's table and the board report
        </li>
        <li>a chart downloaded as a PNG image has no text alternative</li>
        <li>
          the app has not yet been tested by disabled people, at 400% zoom, with speech recognition
          software or with every screen reader
        </li>
      </ul>

      <h2>Feedback and contact information</h2>
      <p>
        If you find a problem, or need something in this app in a different format, email {email}.
        Tell us the screen's web address, what you were trying to do and the device and assistive
        technology you use. We'll consider your request and get back to you in 5 working days.
      </p>

      <h2>Reporting accessibility problems with this app</h2>
      <p>
        We're always looking to improve the accessibility of this app. If you find any problems not
        listed on this page or think we're not meeting accessibility requirements, contact {email}.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
        Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
        'accessibility regulations'). If you're not happy with how we respond to your complaint,{' '}
        <a href="https://www.equalityadvisoryservice.com/">
          contact the Equality Advisory and Support Service (EASS)
        </a>
        . In Northern Ireland, contact the Equality Commission for Northern Ireland.
      </p>

      <h2>Technical information about this app's accessibility</h2>
      <p>
        {org} is committed to making its websites and apps accessible, in accordance with the
        accessibility regulations.
      </p>
      <h3>Compliance status</h3>
      <p>
        This app is partially compliant with the{' '}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a>{' '}
        AA standard, due to the non-compliances listed below.
      </p>

      <h2>Non-accessible content</h2>
      <h3>Non-compliance with the accessibility regulations</h3>
      <ul>
        <li>
          When a huddle's timer reaches zero, "Time is up" appears on screen but is not announced. A
          screen reader user has to move to the timer to hear it. This fails WCAG 2.2 success
          criterion 4.1.3 (Status Messages).
        </li>
        <li>
          A run chart or SPC chart is drawn as an image with a title. Its points, median, limits and
          the signals a rule found are not described on the chart itself: they are in the measure's
          table of points and in the board report. Until each chart has its own summary in words
          beside it, this may fail success criterion 1.1.1 (Non-text Content).
        </li>
        <li>
          A chart exported as a PNG image for a board paper has no text alternative inside the file.
          This fails success criterion 1.1.1 (Non-text Content) wherever the image is used. Use the
          CSV export or the board report's table alongside it.
        </li>
      </ul>
      <h3>Disproportionate burden</h3>
      <p>We are not claiming a disproportionate burden for any part of this app.</p>
      <h3>Content that's not within the scope of the accessibility regulations</h3>
      <p>Ideas, comments and measures that staff type are content the team itself writes.</p>

      <h2>What we're doing to improve accessibility</h2>
      <p>
        Every build is checked by automated tests that run axe-core on each screen and fail on any
        violation. We plan to announce the huddle timer, add a summary in words beside each chart,
        and have the app tested by disabled users with assistive technology.
      </p>

      <h2>Preparation of this accessibility statement</h2>
      <p>
        This statement was prepared on{' '}
        {filled(DEPLOYMENT.statementPrepared, 'the date this statement was prepared')}. The app was
        tested by automated checks (axe-core, WCAG 2.2 A and AA rules and best practice) on the
        capture, ideas, idea, team, huddle, measure and chart screens and on these pages. It has not
        yet been audited by a specialist or tested by disabled users.
      </p>
    </>
  );
}
