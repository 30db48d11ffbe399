import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findHits, firstHitFrom, highlightItem, normaliseQuery, stepHit, type PageItems, type PdfHit } from './pdf-search';

/**
 * Search state of one open document. The pages' text is read from pdf.js the
 * first time the reader searches (not on open: opening stays fast), then kept.
 */
export function usePdfSearch(doc: PDFDocumentProxy | null, page: number, goTo: (n: number) => void) {
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [texts, setTexts] = useState<PageItems[] | null>(null);
  const [loading, setLoading] = useState(false);
  // The chosen hit, tied to the hit list it indexes: a new search starts afresh.
  const [chosen, setChosen] = useState<{ hits: readonly PdfHit[]; index: number } | null>(null);
  const loadingRef = useRef(false);
  const pageRef = useRef(page);
  pageRef.current = page;

  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), 150);
    return () => clearTimeout(t);
  }, [query]);

  const searched = normaliseQuery(debounced) !== '';

  useEffect(() => {
    if (!doc || !searched || texts || loadingRef.current) return;
    loadingRef.current = true;
    setLoading(true);
    let live = true;
    void (async () => {
      const out: PageItems[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        try {
          const content = await (await doc.getPage(n)).getTextContent();
          out.push(content.items.map((it) => ('str' in it ? it.str : null)));
        } catch {
          out.push([]); // a page whose text cannot be read has no hits
        }
      }
      if (live) {
        setTexts(out);
        setLoading(false);
      }
      loadingRef.current = false;
    })();
    return () => {
      live = false;
      loadingRef.current = false;
    };
  }, [doc, searched, texts]);

  const hits = useMemo(() => (texts && searched ? findHits(texts, debounced) : []), [texts, searched, debounced]);
  // A new search starts at the first hit on or after the page being read.
  const start = useMemo(() => firstHitFrom(hits, pageRef.current), [hits]);
  const index = chosen && chosen.hits === hits ? chosen.index : start;

  useEffect(() => {
    if (hits.length > 0) goTo(hits[start]!.page);
  }, [hits, start, goTo]);

  const step = useCallback(
    (dir: 1 | -1) => {
      if (hits.length === 0) return;
      const i = stepHit(hits.length, index, dir);
      setChosen({ hits, index: i });
      goTo(hits[i]!.page);
    },
    [hits, index, goTo],
  );

  const current: PdfHit | null = hits[index] ?? null;
  const byItem = useMemo(() => {
    const m = new Map<string, PdfHit[]>();
    for (const h of hits) {
      const k = `${h.page}:${h.item}`;
      m.set(k, [...(m.get(k) ?? []), h]);
    }
    return m;
  }, [hits]);

  // Only defined while there are hits, so the text layer is plain text otherwise.
  const customTextRenderer = useMemo(
    () =>
      hits.length === 0
        ? undefined
        : ({ str, itemIndex, pageNumber }: { str: string; itemIndex: number; pageNumber: number }) =>
            highlightItem(str, byItem.get(`${pageNumber}:${itemIndex}`) ?? [], current),
    [hits, byItem, current],
  );

  return { query, setQuery, hits, index, current, searched, loading: loading && searched, step, customTextRenderer };
}
