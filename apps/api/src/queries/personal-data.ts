/**
 * Citizens' personal data in complaint streams (DOMAIN.md §1, BR-23): `ComplaintFiled` carries the citizen's
 * contact details and the tracking code (`COMPLAINT_PERSONAL_DATA`), which only `COMPLAINT_CONTACT_READERS`
 * (operator, pimpinan-unit, inspektorat) may read. The read models never keep them; the time-travel views read the
 * log itself, so for anyone else they are taken out of the events and the folded state before answering.
 */
import { COMPLAINT_CONTACT_READERS, COMPLAINT_PERSONAL_DATA, complaintStreamId, type ComplaintId, type TenantId } from '@kinerja/domain';
import type { Principal } from '../contracts';

const PERSONAL_FIELDS: ReadonlySet<string> = new Set(COMPLAINT_PERSONAL_DATA);
/** The category prefix of complaint streams (`pengaduan-`), from the domain's own stream-id function. */
const COMPLAINT_CATEGORY = complaintStreamId('t' as TenantId, '' as ComplaintId).split('-')[0] ?? 'pengaduan';

export const mayReadContactDetails = (principal: Principal): boolean => principal.roles.some((role) => COMPLAINT_CONTACT_READERS.includes(role));

export const isComplaintStream = (streamId: string): boolean => streamId.startsWith(`${COMPLAINT_CATEGORY}-`);

/** A deep copy without the personal-data fields, wherever they are nested (events, envelopes, folded state). */
export const withoutPersonalData = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !PERSONAL_FIELDS.has(key))
      .map(([key, v]) => [key, withoutPersonalData(v)]),
  );
};

/**
 * The view as the caller may see it: unchanged for a contact reader or a stream that is not a complaint's;
 * otherwise without the personal data, marked `personalDataHidden: true`.
 */
export const hidePersonalData = <V extends Readonly<{ streamId: string }>>(view: V, principal: Principal): V | (V & Readonly<{ personalDataHidden: true }>) =>
  !isComplaintStream(view.streamId) || mayReadContactDetails(principal) ? view : { ...(withoutPersonalData(view) as V), personalDataHidden: true as const };
