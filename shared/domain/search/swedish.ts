/**
 * Swedish word handling for search: normalisation, tokenising, stop words and
 * a deliberately light stemmer. Pure: runs in the renderer, in the main
 * process and in Node tests alike.
 *
 * Normalisation. Text is put in Unicode NFC first, so "å" typed as "a" plus a
 * combining ring (as some PDFs and macOS file names deliver it) becomes the
 * single letter å, and then lower-cased with the Swedish locale. å ä ö stay
 * distinct letters: "år" never matches "ar".
 *
 * Tokens. A token is a run of letters (any script, incl. å ä ö é ü) and
 * digits. Numbers joined by `/`, `-` or `.` stay one token so diarienummer and
 * dates remain searchable as typed: "2026/14", "2026-03-14", "12.3". Other
 * punctuation splits: "Skövde-Falköping" gives "skövde" and "falköping".
 *
 * Stemming. Only the commonest noun endings are removed, and only when at
 * least three letters remain (see `stemSv`). It brings "vägar", "vägen",
 * "vägarna" and "väg" together, "insatser"/"insatsen"/"insats", and
 * "förbundets"/"förbundet"/"förbund". It does NOT join word families with
 * different stems: "ansökan" and "ansökningar" do not share a stem (the
 * latter stems to "ansökning"); the search finds both because it also does
 * prefix matching on what is typed ("ansök" matches both). It also does not
 * touch verbs or adjectives beyond what the same endings happen to cover
 * ("öppna"/"öppen" both become "öpp", which is fine for search).
 *
 * Why index both the word and its stem: as-you-type prefix search works on
 * what the user has typed so far. If only stems were indexed, "öppn" (on the
 * way to "öppna") would not be a prefix of the stem "öpp" and the hit would
 * flicker away mid-word. `indexTermsSv` therefore yields the full word and,
 * when different, its stem; a query word is searched as itself OR its stem.
 */

/** NFC + Swedish lower case. */
export function normalizeSv(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv');
}

/**
 * Numbers joined by / - . (diarienummer, dates), else runs of letters, marks
 * and digits. Marks (\p{M}) are kept in case NFC could not compose a letter.
 */
const TOKEN = /\p{N}+(?:[/.-]\p{N}+)+|[\p{L}\p{M}\p{N}]+/gu;

/** Splits normalised text into tokens; does not drop stop words. */
export function tokenizeSv(text: string): string[] {
  return normalizeSv(text).match(TOKEN) ?? [];
}

/** Tokens with their position in the original text, for highlighting. */
export interface TokenSpan {
  /** The normalised token. */
  token: string;
  start: number;
  end: number;
}

/**
 * Tokens with offsets into `text` as given. Normalises token by token so the
 * offsets stay valid even when NFC would change the string's length.
 */
export function tokenSpansSv(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    spans.push({ token: normalizeSv(m[0]), start, end: start + m[0].length });
  }
  return spans;
}

/**
 * Common Swedish function words, dropped from the index and from queries of
 * more than one word. Kept small on purpose: words like "inte", "mot" or
 * "under" can matter in a board's documents and stay searchable.
 */
export const SWEDISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'och', 'att', 'det', 'i', 'på', 'för', 'med', 'som', 'en', 'ett', 'av', 'till', 'är', 'om', 'de',
  'den', 'har', 'var', 'vi', 'ni', 'jag', 'du', 'han', 'hon', 'sig', 'sin', 'sitt', 'sina', 'så',
  'men', 'eller', 'då', 'vid', 'från', 'ur', 'kan', 'ska', 'skall', 'blir', 'vara', 'detta', 'denna',
  'dessa', 'här', 'där', 'hur', 'vad', 'även', 'samt', 'nu', 'oss', 'dem', 'deras', 'dess',
]);

export function isStopWordSv(token: string): boolean {
  return SWEDISH_STOP_WORDS.has(token);
}

/**
 * Endings removed by `stemSv`, longest first; the first that fits wins.
 * Plural definite (+ genitive), definite (+ genitive), plural. A bare
 * genitive -s is NOT removed: too many Swedish stems end in s ("insats",
 * "kurs", "process"); prefix search covers "Skövdes" when "skövde" is typed.
 */
const ENDINGS = [
  'ornas', 'arnas', 'ernas',
  'orna', 'arna', 'erna',
  'ens', 'ets', 'nas',
  'en', 'et', 'na', 'ar', 'or', 'er',
] as const;

/** Fewest letters a stem may keep. */
const MIN_STEM = 3;

/**
 * Light Swedish stemmer for nouns (see the module comment). Expects a
 * normalised token; tokens with digits are returned unchanged.
 */
export function stemSv(token: string): string {
  if (token.length <= MIN_STEM || /\p{N}/u.test(token)) return token;
  for (const ending of ENDINGS) {
    if (token.endsWith(ending) && token.length - ending.length >= MIN_STEM) {
      return token.slice(0, -ending.length);
    }
  }
  return token;
}

/**
 * What the index stores for one token: nothing for a stop word, else the word
 * and (if different) its stem. Shape fits minisearch's `processTerm`.
 */
export function indexTermsSv(token: string): string[] | null {
  const word = normalizeSv(token);
  if (word === '' || isStopWordSv(word)) return null;
  const stem = stemSv(word);
  return stem === word ? [word] : [word, stem];
}

/**
 * Words of a query as typed. Stop words are dropped, except when the query is
 * a single word: "de" may be the start of "delårsrapport".
 */
export function queryWordsSv(query: string): string[] {
  const tokens = tokenizeSv(query);
  if (tokens.length <= 1) return tokens;
  const words = tokens.filter((t) => !isStopWordSv(t));
  return words.length > 0 ? words : tokens.slice(-1);
}
