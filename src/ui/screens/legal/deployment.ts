/**
 * What the deploying trust fills in before go-live: who runs this copy of
 * Ground Up and whom to ask. The accessibility statement and the privacy
 * notice read these; until a trust completes them each shows a visible
 * "[to be completed: …]" so nobody mistakes a template for a finished notice.
 */
export type Deployment = {
  /** The organisation that runs this copy, e.g. "Northshire Hospitals NHS Foundation Trust". */
  readonly organisation: string | null;
  /** Where to report an accessibility problem or ask about data (an email address). */
  readonly contactEmail: string | null;
  /** The organisation's Data Protection Officer, as the privacy notice names them. */
  readonly dataProtectionOfficer: string | null;
  /** Days a team may stay inactive before the server deletes it (TEAM_RETENTION_DAYS). */
  readonly retentionDays: number | null;
  /** When the accessibility statement was prepared and last reviewed (e.g. "30 November 2026"). */
  readonly statementPrepared: string | null;
};

export const DEPLOYMENT: Deployment = {
  organisation: null,
  contactEmail: null,
  dataProtectionOfficer: null,
  retentionDays: null,
  statementPrepared: null,
};
