// The one place that decides what each role may see. Loaders, exports and (later) search and the
// API call these instead of checking roles themselves.
import { hasRole } from "~/models/roles";

/** Internal notes, contact details and other staff-only fields. */
export function canSeeInternal(role: string) {
  return hasRole(role, "staff");
}

type WithInternal = { internalNote?: string | null };

/** A copy without its internal note when the role may not see it (the key stays, set to null). */
export function withoutInternal<T extends WithInternal>(record: T, role: string): T {
  if (canSeeInternal(role) || record.internalNote === undefined) return record;
  return { ...record, internalNote: null };
}

export function listWithoutInternal<T extends WithInternal>(records: T[], role: string): T[] {
  return canSeeInternal(role) ? records : records.map((r) => withoutInternal(r, role));
}
