/**
 * The privacy notice, as a template the deploying trust completes (UK GDPR
 * articles 13 and 14: what is held, why, for how long, who to ask). What the
 * app holds is stated from the code (server/store/schema.ts, src/db/schema.ts);
 * the trust fills in who it is, its lawful basis and its contacts.
 */
import { PageHeading } from '../../components/PageHeading.tsx';
import { DEPLOYMENT, filled } from './deployment.ts';

export function Privacy() {
  const org = filled(DEPLOYMENT.organisation, "your organisation's name");
  const email = filled(DEPLOYMENT.contactEmail, 'contact email');
  const days = filled(DEPLOYMENT.retentionDays, 'the number of days (TEAM_RETENTION_DAYS)');
  return (
    <>
      <PageHeading>Privacy notice</PageHeading>
      <p class="lede">
        This notice says what Ground Up holds about you, why, for how long, and whom to ask.
      </p>
      <div class="callout" role="note">
        <p>
          This is a template. The organisation running this copy of Ground Up completes the parts
          marked "to be completed" and checks it with its information governance team.
        </p>
      </div>

      <h2>Who is responsible for your data</h2>
      <p>
        {org} is the data controller. Its Data Protection Officer is{' '}
        {filled(
          DEPLOYMENT.dataProtectionOfficer,
          'name and contact of the Data Protection Officer',
        )}
        .
      </p>

      <h2>What we hold</h2>
      <ul>
        <li>
          Your display name and your role in the team (member, facilitator or sponsor), and when you
          joined or were removed.
        </li>
        <li>
          What you and your team write: ideas (unless you chose to share one anonymously, your name
          is shown with it), comments, huddles and votes, tests of change, measures and their data
          points, the 100-day challenge and asks of its sponsor.
        </li>
        <li>
          Which member sent each change, and when it reached the server. This is never shown to
          other members, so an anonymous idea stays anonymous to the team.
        </li>
        <li>
          A fingerprint (SHA-256 hash) of the key your phone uses to sign in. The key itself is kept
          only on your phone.
        </li>
        <li>
          The server's log keeps, for each request, its method, path, status and how long it took.
          It does not keep your name, your key or invite codes.
        </li>
      </ul>
      <p>
        If your team asks you to sign in with your work account (NHSmail or your trust's), the
        server also keeps that account's email address and identifier, and a sealed key it uses now
        and then to ask the sign-in service whether the account is still active. These are removed
        with the team.
      </p>
      <p>
        Otherwise Ground Up does not ask for your email address, phone number or any patient
        information. Never type patient details into it: the app warns you if text looks like an NHS
        number, a date of birth or a postcode.
      </p>

      <h2>Why we hold it</h2>
      <p>
        To let your team capture, vote on, test and measure improvements to its work, and to show
        who suggested and did what so the team can follow up. Our lawful basis is{' '}
        {filled(null, 'lawful basis, for example UK GDPR article 6(1)(e), a public task')}.
      </p>

      <h2>How long we keep it</h2>
      <ul>
        <li>
          A team that has not been used for {days} days is deleted from the server, with everything
          in it. Its facilitators are warned in the app first.
        </li>
        <li>
          A facilitator can delete the team at any time. It is removed after a grace period in which
          the deletion can be cancelled; after that nothing of the team remains on the server.
        </li>
        <li>
          What is kept on your phone stays there until you clear the app's data: see{' '}
          <a href="/on-this-device">what this app keeps on your phone</a>.
        </li>
      </ul>

      <h2>Who can see it</h2>
      <p>
        The members of your team, and the people who run the server for {org}. It is not shared with
        anyone else, and not used for advertising or analytics.
      </p>

      <h2>Your rights</h2>
      <p>
        You can download everything the server holds about you, and ask for your name to be removed
        from everything you wrote (it then reads "Former member"). Ask your team's facilitator, or
        email {email}. You can also complain to the{' '}
        <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner's Office</a>.
      </p>
    </>
  );
}
