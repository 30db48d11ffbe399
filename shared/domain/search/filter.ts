/**
 * The list's filters and sort orders over generic searchable records. Pure:
 * the renderer's list and the search index both use it, and so do tests.
 *
 * The record is generic on purpose: the ansökan model maps itself onto it, so
 * search does not depend on that model's details.
 */

/** One row the list can filter and the index can search. */
export interface SearchableRecord {
  id: string;
  title: string;
  /** Other text worth searching (diarienummer, sökande, beskrivning …): label → value. */
  fields: Record<string, string>;
  /** Parties involved (members of the förbund, e.g. "Skövde kommun"). */
  parties: string[];
  status: string;
  /** The meeting the record is on, or null when on none. */
  meetingId: string | null;
  /** Whole kronor. */
  amount: number;
  /** `YYYY-MM-DD`; empty when unknown. */
  periodFrom: string;
  /** `YYYY-MM-DD`; empty when open-ended or unknown. */
  periodTo: string;
  /** Text of the record's PDFs, as extracted on the main side. */
  pdfText: string;
}

/**
 * What the user has chosen. Every part is optional; an absent or empty part
 * does not filter. All given parts must hold (AND); within `statuses` and
 * `parties` any one is enough (OR).
 */
export interface RecordFilters {
  statuses?: readonly string[];
  /** A meeting id; `null` means "not on any meeting"; undefined means any. */
  meetingId?: string | null;
  /** Records with at least one of these parties. */
  parties?: readonly string[];
  /** Inclusive, whole kronor. */
  amountMin?: number;
  amountMax?: number;
  /**
   * Inclusive `YYYY-MM-DD` bounds. A record matches when its period overlaps
   * [periodFrom, periodTo]; either bound may be left out. A record without a
   * start is treated as starting at the dawn of time, one without an end as
   * open-ended.
   */
  periodFrom?: string;
  periodTo?: string;
}

export type SortKey = 'title' | 'amount' | 'periodFrom' | 'status';

export interface SortOrder {
  key: SortKey;
  direction: 'asc' | 'desc';
}

/** True when no part of `filters` restricts anything. */
export function isEmptyFilter(filters: RecordFilters | undefined): boolean {
  if (!filters) return true;
  return (
    (filters.statuses?.length ?? 0) === 0 &&
    filters.meetingId === undefined &&
    (filters.parties?.length ?? 0) === 0 &&
    filters.amountMin === undefined &&
    filters.amountMax === undefined &&
    !filters.periodFrom &&
    !filters.periodTo
  );
}

/**
 * A predicate for `filters`, prepared once (sets built up front) so checking
 * thousands of records stays cheap.
 */
export function compileFilters(filters: RecordFilters | undefined): (record: SearchableRecord) => boolean {
  if (isEmptyFilter(filters) || !filters) return () => true;
  const statuses = filters.statuses?.length ? new Set(filters.statuses) : null;
  const parties = filters.parties?.length ? new Set(filters.parties) : null;
  const { meetingId, amountMin, amountMax } = filters;
  const from = filters.periodFrom || null;
  const to = filters.periodTo || null;
  return (r) => {
    if (statuses && !statuses.has(r.status)) return false;
    if (meetingId !== undefined && r.meetingId !== meetingId) return false;
    if (parties && !r.parties.some((p) => parties.has(p))) return false;
    if (amountMin !== undefined && r.amount < amountMin) return false;
    if (amountMax !== undefined && r.amount > amountMax) return false;
    // Overlap: the record starts before the window ends and ends after it starts.
    if (to && r.periodFrom && r.periodFrom > to) return false;
    if (from && r.periodTo && r.periodTo < from) return false;
    return true;
  };
}

export function matchesFilters(record: SearchableRecord, filters: RecordFilters | undefined): boolean {
  return compileFilters(filters)(record);
}

/** The records that pass `filters`, in their given order. */
export function filterRecords<T extends SearchableRecord>(records: readonly T[], filters: RecordFilters | undefined): T[] {
  const keep = compileFilters(filters);
  return records.filter(keep);
}

/** Swedish alphabetical order (å ä ö after z), numbers by value ("§ 2" before "§ 10"). */
const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

export function compareRecords(a: SearchableRecord, b: SearchableRecord, sort: SortOrder): number {
  let c: number;
  switch (sort.key) {
    case 'amount':
      c = a.amount - b.amount;
      break;
    case 'periodFrom':
      c = a.periodFrom < b.periodFrom ? -1 : a.periodFrom > b.periodFrom ? 1 : 0;
      break;
    case 'status':
      c = collator.compare(a.status, b.status);
      break;
    case 'title':
      c = 0;
      break;
  }
  if (c === 0) c = collator.compare(a.title, b.title);
  if (c === 0) c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return sort.direction === 'desc' ? -c : c;
}

/** A sorted copy; the input is left as it was. */
export function sortRecords<T extends SearchableRecord>(records: readonly T[], sort: SortOrder): T[] {
  return [...records].sort((a, b) => compareRecords(a, b, sort));
}
