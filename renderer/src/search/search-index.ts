import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import {
  compareRecords,
  compileFilters,
  type RecordFilters,
  type SearchableRecord,
  type SortOrder,
} from '../../../shared/domain/search/filter';
import { isStopWordSv, queryWordsSv, stemSv, tokenizeSv } from '../../../shared/domain/search/swedish';

/**
 * Full-text search over the list's records (ansökningar and the text of their
 * PDFs), answering as the user types. A minisearch index with Swedish word
 * handling (shared/domain/search/swedish.ts) combined with the list's filters
 * (shared/domain/search/filter.ts).
 *
 * - Fields: title (boosted), the record's other text fields, its parties, and
 *   its PDF text.
 * - Each query word is searched as typed OR as its stem, with prefix matching
 *   (the word being typed always; earlier words from two letters) and fuzzy
 *   matching (15 % of the word's length, from four letters, never for
 *   numbers, so "samverkn" finds "samverkan"). All query words must match (AND).
 * - Records can be added, replaced and removed one at a time as they change.
 *
 * No DOM: this runs in the renderer, in Node tests and in the benchmark.
 */

/** Field names in the index, also the keys of `SearchHit.match` values. */
export type SearchField = 'title' | 'fields' | 'parties' | 'pdfText';
const FIELDS: SearchField[] = ['title', 'fields', 'parties', 'pdfText'];
const BOOST: Record<SearchField, number> = { title: 3, fields: 1.5, parties: 1.5, pdfText: 1 };

export interface SearchHit {
  id: string;
  /** Relevance; 0 when the query was empty (a filtered list, not a search). */
  score: number;
  /** Index terms that matched (words and stems), for `highlightRanges`. */
  terms: string[];
  /** The query's words as typed (normalised), for prefix highlighting. */
  queryWords: string[];
  /** Which fields each matched term was found in. */
  match: Record<string, SearchField[]>;
}

export interface SearchOptions {
  /** Order of the hits; default: by relevance, or by title when the query is empty. */
  sort?: SortOrder;
  /** At most this many hits. */
  limit?: number;
}

const BY_TITLE: SortOrder = { key: 'title', direction: 'asc' };

/** Minisearch reads fields through this: `fields` and `parties` are joined into text. */
function extractField(record: SearchableRecord, field: string): string {
  switch (field) {
    case 'id':
      return record.id;
    case 'title':
      return record.title;
    case 'fields':
      return Object.values(record.fields).join('\n');
    case 'parties':
      return record.parties.join('\n');
    case 'pdfText':
      return record.pdfText;
    default:
      return '';
  }
}

function createMiniSearch(): MiniSearch<SearchableRecord> {
  return new MiniSearch<SearchableRecord>({
    idField: 'id',
    fields: FIELDS,
    storeFields: [],
    extractField: extractField as (document: SearchableRecord, fieldName: string) => string,
    tokenize: (text) => tokenizeSv(text),
    // As indexTermsSv, minus normalising again: tokenizeSv already did.
    processTerm: (term) => {
      if (isStopWordSv(term)) return null;
      const stem = stemSv(term);
      return stem === term ? term : [term, stem];
    },
    searchOptions: {
      // Query words arrive tokenised and normalised by queryWordsSv; keep them as they are.
      tokenize: (text) => [text],
      processTerm: (term) => term,
      boost: BOOST,
      combineWith: 'AND',
      // Numbers (diarienummer, dates) are never fuzzy: 2026/14 must not find 2026/15.
      fuzzy: (term) => (term.length >= 4 && !/\p{N}/u.test(term) ? 0.15 : false),
    },
  });
}

/**
 * A query word as itself OR its stem. Prefix matching from two letters, and
 * always for the last word, the one being typed ("Öppna v").
 */
function wordQuery(word: string, last: boolean): Query {
  const stem = stemSv(word);
  return {
    combineWith: 'OR',
    prefix: last || word.length >= 2,
    queries: stem === word ? [word] : [word, stem],
  };
}

export class RecordSearchIndex {
  private readonly mini = createMiniSearch();
  private readonly records = new Map<string, SearchableRecord>();

  constructor(records: Iterable<SearchableRecord> = []) {
    const list = [...records];
    for (const r of list) this.records.set(r.id, r);
    this.mini.addAll(list);
  }

  /**
   * Builds an index in chunks, yielding to the event loop between them, so a
   * renderer can build it without freezing the UI.
   */
  static async build(records: Iterable<SearchableRecord>, chunkSize = 100): Promise<RecordSearchIndex> {
    const index = new RecordSearchIndex();
    const list = [...records];
    for (const r of list) index.records.set(r.id, r);
    await index.mini.addAllAsync(list, { chunkSize });
    return index;
  }

  get size(): number {
    return this.records.size;
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  get(id: string): SearchableRecord | undefined {
    return this.records.get(id);
  }

  /** Adds a new record; throws if one with the same id is already indexed. */
  add(record: SearchableRecord): void {
    if (this.records.has(record.id)) throw new Error(`Record ${record.id} is already indexed`);
    this.mini.add(record);
    this.records.set(record.id, record);
  }

  /** Adds the record, or replaces the indexed one with the same id. */
  put(record: SearchableRecord): void {
    if (this.records.has(record.id)) this.mini.discard(record.id);
    this.mini.add(record);
    this.records.set(record.id, record);
  }

  /** Removes the record with this id; false if there was none. */
  remove(id: string): boolean {
    if (!this.records.has(id)) return false;
    this.mini.discard(id);
    this.records.delete(id);
    return true;
  }

  /**
   * The records matching `query` and `filters`. An empty query (or only
   * punctuation) gives the filtered list in `options.sort` order.
   */
  search(query: string, filters?: RecordFilters, options: SearchOptions = {}): SearchHit[] {
    const keep = compileFilters(filters);
    const words = queryWordsSv(query);
    let hits: SearchHit[];
    if (words.length === 0) {
      const rows = [...this.records.values()].filter(keep);
      rows.sort((a, b) => compareRecords(a, b, options.sort ?? BY_TITLE));
      hits = rows.map((r) => ({ id: r.id, score: 0, terms: [], queryWords: [], match: {} }));
    } else {
      const results = this.mini.search(
        { combineWith: 'AND', queries: words.map((w, i) => wordQuery(w, i === words.length - 1)) },
        {
          filter: (result: SearchResult) => {
            const record = this.records.get(result.id as string);
            return record !== undefined && keep(record);
          },
        },
      );
      hits = results.map((r) => ({
        id: r.id as string,
        score: r.score,
        terms: r.terms,
        queryWords: words,
        match: r.match as Record<string, SearchField[]>,
      }));
      if (options.sort) {
        const sort = options.sort;
        const byId = this.records;
        hits.sort((a, b) => compareRecords(byId.get(a.id)!, byId.get(b.id)!, sort));
      }
    }
    return options.limit !== undefined ? hits.slice(0, options.limit) : hits;
  }

  /** Just the ids of `search`, best first. */
  searchIds(query: string, filters?: RecordFilters, options?: SearchOptions): string[] {
    return this.search(query, filters, options).map((h) => h.id);
  }
}
