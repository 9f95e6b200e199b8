/**
 * Every IndexedDB table the app keeps on the phone, in words, for "What this
 * app keeps on your phone". A client test (tests/integration/client/
 * device-storage.test.ts) compares this list with src/db/schema.ts, so a new
 * table cannot be added without saying here what it holds.
 */
export type DeviceTable = { readonly name: string; readonly holds: string };

export const DEVICE_TABLES: readonly DeviceTable[] = [
  { name: 'ideas', holds: "Your team's ideas, and which of them were captured on this phone." },
  { name: 'comments', holds: 'Comments on ideas.' },
  { name: 'teams', holds: "Your team's name and categories." },
  { name: 'members', holds: "Your team's members: display names and roles." },
  { name: 'huddles', holds: 'Huddles: their titles, timers, shortlists and outcomes.' },
  { name: 'votes', holds: 'Dots given to ideas in huddles.' },
  { name: 'statusLog', holds: "Each change of an idea's status, for its history." },
  { name: 'pdsas', holds: 'Tests of change (PDSA cycles).' },
  { name: 'measures', holds: 'Measures and how they are defined.' },
  { name: 'points', holds: 'Data points of measures.' },
  { name: 'taps', holds: 'Tally counts.' },
  { name: 'challenges', holds: 'The 100-day challenge.' },
  { name: 'asks', holds: "Asks of the challenge's sponsor." },
  {
    name: 'shares',
    holds: 'Changes teams of your organisation shared (what they tried and how it went).',
  },
  { name: 'takes', holds: 'Which teams took up a shared change.' },
  { name: 'outbox', holds: 'Changes made on this phone that have not reached the server yet.' },
  { name: 'rejected', holds: 'Changes the server refused, shown under "Needs attention".' },
  {
    name: 'acked',
    holds:
      'Changes this phone sent that the server accepted, so they can be sent again if the server is restored from a backup.',
  },
  { name: 'serverEpochs', holds: 'Which copy of the server this phone last spoke to.' },
  {
    name: 'inboxRead',
    holds: 'Which "For you" items you have seen on this phone (never sent anywhere).',
  },
  {
    name: 'meta',
    holds:
      "This phone's id, its clock, your sign-in (member id and key), how far it has synced, whether you asked for persistent storage, and your language (so that notifications use it).",
  },
];
