/**
 * The legal pages' words (accessibility statement, privacy notice, what the
 * app keeps on the phone): a message per paragraph or list item. `{link}`
 * and the like mark where a link sits in its sentence (legalText.tsx).
 */
import { messages } from '../../../i18n/index.ts';

export const en = {
  toComplete: '[to be completed: {what}]',
  orgName: 'your organisation’s name',
  contactEmail: 'contact email',
  // Accessibility statement
  a11yHeading: 'Accessibility statement for Ground Up',
  a11yLede:
    'This statement applies to Ground Up, the app ward teams use to capture improvement ideas, vote on them in huddles, run tests of change and measure the results.',
  a11yRunBy:
    'Ground Up is run by {org}. We want as many people as possible to be able to use it. For example, that means you should be able to:',
  a11yColours: 'change colours, contrast levels and fonts using browser or device settings',
  a11yZoom: 'zoom in up to 400% without the text spilling off the screen',
  a11yKeyboard: 'navigate most of the app using just a keyboard or speech recognition software',
  a11yReader: 'listen to most of the app using a screen reader',
  a11yHowHeading: 'How accessible this app is',
  a11yKnow: 'We know some parts of this app are not fully accessible:',
  a11yTimer: 'the huddle timer does not announce when time is up to screen reader users',
  a11yCharts:
    'run charts are pictures: each has a title, but the points and signals on them are only listed as words in the measure’s table and the board report',
  a11yPng: 'a chart downloaded as a PNG image has no text alternative',
  a11yUntested:
    'the app has not yet been tested by disabled people, at 400% zoom, with speech recognition software or with every screen reader',
  a11yFeedbackHeading: 'Feedback and contact information',
  a11yFeedback:
    'If you find a problem, or need something in this app in a different format, email {email}. Tell us the screen’s web address, what you were trying to do and the device and assistive technology you use. We’ll consider your request and get back to you in 5 working days.',
  a11yReportingHeading: 'Reporting accessibility problems with this app',
  a11yReporting:
    'We’re always looking to improve the accessibility of this app. If you find any problems not listed on this page or think we’re not meeting accessibility requirements, contact {email}.',
  a11yEnforcementHeading: 'Enforcement procedure',
  a11yEnforcement:
    'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint, {link}. In Northern Ireland, contact the Equality Commission for Northern Ireland.',
  a11yEass: 'contact the Equality Advisory and Support Service (EASS)',
  a11yTechHeading: 'Technical information about this app’s accessibility',
  a11yCommitted:
    '{org} is committed to making its websites and apps accessible, in accordance with the accessibility regulations.',
  a11yComplianceHeading: 'Compliance status',
  a11yCompliance:
    'This app is partially compliant with the {link} AA standard, due to the non-compliances listed below.',
  a11yWcag: 'Web Content Accessibility Guidelines version 2.2',
  a11yNonAccessibleHeading: 'Non-accessible content',
  a11yNonComplianceHeading: 'Non-compliance with the accessibility regulations',
  a11yTimerFails:
    'When a huddle’s timer reaches zero, “Time is up” appears on screen but is not announced. A screen reader user has to move to the timer to hear it. This fails WCAG 2.2 success criterion 4.1.3 (Status Messages).',
  a11yChartFails:
    'A run chart or SPC chart is drawn as an image with a title. Its points, median, limits and the signals a rule found are not described on the chart itself: they are in the measure’s table of points and in the board report. Until each chart has its own summary in words beside it, this may fail success criterion 1.1.1 (Non-text Content).',
  a11yPngFails:
    'A chart exported as a PNG image for a board paper has no text alternative inside the file. This fails success criterion 1.1.1 (Non-text Content) wherever the image is used. Use the CSV export or the board report’s table alongside it.',
  a11yBurdenHeading: 'Disproportionate burden',
  a11yBurden: 'We are not claiming a disproportionate burden for any part of this app.',
  a11yScopeHeading: 'Content that’s not within the scope of the accessibility regulations',
  a11yScope: 'Ideas, comments and measures that staff type are content the team itself writes.',
  a11yImprovingHeading: 'What we’re doing to improve accessibility',
  a11yImproving:
    'Every build is checked by automated tests that run axe-core on each screen and fail on any violation. We plan to announce the huddle timer, add a summary in words beside each chart, and have the app tested by disabled users with assistive technology.',
  a11yPreparedHeading: 'Preparation of this accessibility statement',
  a11yPrepared:
    'This statement was prepared on {date}. The app was tested by automated checks (axe-core, WCAG 2.2 A and AA rules and best practice) on the capture, ideas, idea, team, huddle, measure and chart screens and on these pages. It has not yet been audited by a specialist or tested by disabled users.',
  a11yPreparedDate: 'the date this statement was prepared',
  // Privacy notice
  privacyHeading: 'Privacy notice',
  privacyLede:
    'This notice says what Ground Up holds about you, why, for how long, and whom to ask.',
  privacyTemplate:
    'This is a template. The organisation running this copy of Ground Up completes the parts marked “to be completed” and checks it with its information governance team.',
  privacyWhoHeading: 'Who is responsible for your data',
  privacyWho: '{org} is the data controller. Its Data Protection Officer is {dpo}.',
  privacyDpo: 'name and contact of the Data Protection Officer',
  privacyWhatHeading: 'What we hold',
  privacyName:
    'Your display name and your role in the team (member, facilitator or sponsor), and when you joined or were removed.',
  privacyWritten:
    'What you and your team write: ideas (unless you chose to share one anonymously, your name is shown with it), comments, huddles and votes, tests of change, measures and their data points, the 100-day challenge and asks of its sponsor.',
  privacySender:
    'Which member sent each change, and when it reached the server. This is never shown to other members, so an anonymous idea stays anonymous to the team.',
  privacyKey:
    'A fingerprint (SHA-256 hash) of the key your phone uses to sign in. The key itself is kept only on your phone.',
  privacyLog:
    'The server’s log keeps, for each request, its method, path, status and how long it took. It does not keep your name, your key or invite codes.',
  privacyWorkAccount:
    'If your team asks you to sign in with your work account (NHSmail or your trust’s), the server also keeps that account’s email address and identifier, and a sealed key it uses now and then to ask the sign-in service whether the account is still active. These are removed with the team.',
  privacyNoPatients:
    'Otherwise Ground Up does not ask for your email address, phone number or any patient information. Never type patient details into it: the app warns you if text looks like an NHS number, a date of birth or a postcode.',
  privacyWhyHeading: 'Why we hold it',
  privacyWhy:
    'To let your team capture, vote on, test and measure improvements to its work, and to show who suggested and did what so the team can follow up. Our lawful basis is {basis}.',
  privacyBasis: 'lawful basis, for example UK GDPR article 6(1)(e), a public task',
  privacyHowLongHeading: 'How long we keep it',
  privacyInactive:
    'A team that has not been used for {days} days is deleted from the server, with everything in it. Its facilitators are warned in the app first.',
  privacyDays: 'the number of days (TEAM_RETENTION_DAYS)',
  privacyDeleted:
    'A facilitator can delete the team at any time. It is removed after a grace period in which the deletion can be cancelled; after that nothing of the team remains on the server.',
  privacyOnPhone:
    'What is kept on your phone stays there until you clear the app’s data: see {link}.',
  privacyOnPhoneLink: 'what this app keeps on your phone',
  privacySeeHeading: 'Who can see it',
  privacySee:
    'The members of your team, and the people who run the server for {org}. It is not shared with anyone else, and not used for advertising or analytics.',
  privacyRightsHeading: 'Your rights',
  privacyRights:
    'You can download everything the server holds about you, and ask for your name to be removed from everything you wrote (it then reads “Former member”). Ask your team’s facilitator, or email {email}. You can also complain to the {link}.',
  privacyIco: 'Information Commissioner’s Office',
  // What this app keeps on your phone
  deviceHeading: 'What this app keeps on your phone',
  deviceLede:
    'Ground Up works with no signal, so it keeps your team’s work on your phone. Everything it keeps is strictly necessary for that: it sets no cookies and has no trackers, adverts or analytics.',
  deviceDbHeading: 'The app’s database (IndexedDB)',
  deviceDb:
    'One database in your browser, called “ground-up”, holds these tables. Only this app, on this web address, can read them.',
  deviceCaption: 'Tables in the app’s database',
  deviceTable: 'Table',
  deviceHolds: 'What it holds',
  deviceCacheHeading: 'The service worker’s cache',
  deviceCache:
    'A service worker keeps a copy of the app itself (its pages, scripts, styles and icons) in the browser’s cache storage, so the app opens with no signal. It holds none of your data. A new version replaces the old copy when you choose “Reload” in the update banner.',
  deviceLanguageHeading: 'Your language',
  deviceLanguage:
    'If you choose English or Cymraeg in {link}, that choice is kept in the browser’s local storage (one entry, {entry}), so the app opens in your language before anything else loads. It says nothing about you. Until you choose, nothing is kept there and the browser’s language decides.',
  settings: 'Settings',
  deviceNotHeading: 'What it does not keep',
  deviceNoCookies: 'no cookies',
  deviceNoStorage: 'nothing else in local storage, and nothing in session storage',
  deviceNoTrackers:
    'no trackers, analytics or adverts, and nothing sent to anyone but your team’s server',
  deviceRemoveHeading: 'How to remove it',
  deviceRemove:
    'Clear this site’s data in your browser’s settings, or uninstall the app from your home screen. Anything still waiting to be sent (see {link}) is lost if you do, so check first that everything has synced.',
  // The device's tables (deviceTables.ts)
  ideas: 'Your team’s ideas, and which of them were captured on this phone.',
  comments: 'Comments on ideas.',
  teams: 'Your team’s name and categories.',
  members: 'Your team’s members: display names and roles.',
  huddles: 'Huddles: their titles, timers, shortlists and outcomes.',
  votes: 'Dots given to ideas in huddles.',
  statusLog: 'Each change of an idea’s status, for its history.',
  pdsas: 'Tests of change (PDSA cycles).',
  measures: 'Measures and how they are defined.',
  points: 'Data points of measures.',
  taps: 'Tally counts.',
  challenges: 'The 100-day challenge.',
  asks: 'Asks of the challenge’s sponsor.',
  shares: 'Changes teams of your organisation shared (what they tried and how it went).',
  takes: 'Which teams took up a shared change.',
  outbox: 'Changes made on this phone that have not reached the server yet.',
  rejected: 'Changes the server refused, shown under “Needs attention”.',
  ackedPushes:
    'Changes this phone sent that the server accepted, so they can be sent again if the server is restored from a backup.',
  serverEpochs: 'Which copy of the server this phone last spoke to.',
  inboxRead: 'Which “For you” items you have seen on this phone (never sent anywhere).',
  meta: 'This phone’s id, its clock, your sign-in (member id and key), how far it has synced, whether you asked for persistent storage, and your language (so that notifications use it).',
};

export const t = messages('ui/screens/legal/legal', en);
