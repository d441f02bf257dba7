/**
 * Where a sync keeps what it fetched: plain data, so the CDK app can grant access to exactly
 * this prefix without loading the sync itself.
 */

/** Every FirstAgenda portal's meetings lie under this prefix: `firstagenda/<host>/<meeting id>.json`. */
export const FIRSTAGENDA_PREFIX = 'firstagenda/';

/** The user metadata naming the listing's version of the meeting an object holds. */
export const LISTING_METADATA = 'firstagenda-listing';

/** The object key of a portal's meeting. */
export function meetingKey(host: string, meetingId: string): string {
  return `${FIRSTAGENDA_PREFIX}${host}/${meetingId}.json`;
}
