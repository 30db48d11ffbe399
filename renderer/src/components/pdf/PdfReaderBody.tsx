import { Group, Loader, Paper, Text } from '@mantine/core';
import { useElementSize, useViewportSize } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Document, Page } from 'react-pdf';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { formatPageCount } from '../../../../shared/domain/format';
import { PdfSearchBar } from './PdfSearchBar';
import { PdfThumbnails } from './PdfThumbnails';
import { PdfToolbar } from './PdfToolbar';
import { CSS_PX_PER_PT, effectiveZoom, stepZoom, type PageSize, type ZoomView } from './pdf-zoom';
import { usePdfSearch } from './use-pdf-search';

// Never let pdf.js evaluate generated code (the CSP forbids it anyway).
const PDF_OPTIONS = { isEvalSupported: false } as const;
/** The stage's padding on each side (app.css .pdf-stage). */
const STAGE_PADDING = 16;
/** Inline, "Anpassa till sida" leaves room for the app's header and the sticky toolbar above the page. */
const INLINE_CHROME = 200;

export interface PdfReaderBodyProps {
  bytes: Uint8Array;
  title: string;
  page: number;
  onPage(page: number | ((p: number) => number)): void;
  view: ZoomView;
  onView(view: ZoomView): void;
  onFail(): void;
  /** In the full-window dialog: the stage fills the room under the toolbar. */
  reader?: boolean;
  onReader?(): void;
  onViewChange?(view: { page: number; zoom: number }): void;
}

/** One rendering of the document: toolbar, thumbnails and the page (inline, or in reader mode). */
export function PdfReaderBody({ bytes, title, page, onPage, view, onView, onFail, reader = false, onReader, onViewChange }: PdfReaderBodyProps) {
  // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes stay usable.
  const file = useMemo(() => ({ data: bytes.slice() }), [bytes]);
  const [pages, setPages] = useState(0);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [size, setSize] = useState<PageSize | null>(null);
  // The page whose canvas is drawn (tests and the benchmark wait for it).
  const [rendered, setRendered] = useState(0);
  const { ref: stageRef, width: stageWidth, height: stageHeight } = useElementSize();
  const { height: windowHeight } = useViewportSize();
  const room = { width: stageWidth - 2 * STAGE_PADDING, height: (reader ? stageHeight : windowHeight - INLINE_CHROME) - 2 * STAGE_PADDING };
  const zoom = effectiveZoom(view, size, room);

  useEffect(() => {
    if (!doc) return;
    let live = true;
    doc.getPage(page).then(
      (p) => {
        const v = p.getViewport({ scale: 1 });
        if (live) setSize({ width: v.width, height: v.height });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [doc, page]);

  const rounded = Math.round(zoom * 100) / 100;
  useEffect(() => {
    if (pages > 0 && size) onViewChange?.({ page, zoom: rounded });
  }, [page, rounded, pages, size, onViewChange]);

  const goTo = useCallback((n: number) => onPage((p) => (pages > 0 ? Math.min(Math.max(1, n), pages) : p)), [pages, onPage]);
  const search = usePdfSearch(doc, page, goTo);
  const zoomBy = (dir: 1 | -1) => onView({ mode: 'free', zoom: stepZoom(zoom, dir) });
  const setMode = (mode: ZoomView['mode'] | 'actual') => onView(mode === 'actual' ? { mode: 'free', zoom: 1 } : { mode, zoom });

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target instanceof HTMLInputElement) return;
    const actions: Record<string, () => void> = {
      PageDown: () => goTo(page + 1),
      ArrowRight: () => goTo(page + 1),
      PageUp: () => goTo(page - 1),
      ArrowLeft: () => goTo(page - 1),
      Home: () => goTo(1),
      End: () => goTo(pages),
      '+': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setMode('actual'),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  return (
    <Paper withBorder={!reader} p={reader ? 0 : 'sm'} role="region" aria-label={`PDF-visare: ${title}`} onKeyDown={onKey} tabIndex={0} className={reader ? 'pdf-viewer pdf-viewer-reader' : 'pdf-viewer'}>
      <PdfToolbar
        page={page}
        pages={pages}
        onPage={goTo}
        zoom={zoom}
        mode={view.mode}
        onZoomStep={zoomBy}
        onMode={setMode}
        onReader={onReader}
        search={<PdfSearchBar query={search.query} onQuery={search.setQuery} count={search.hits.length} index={search.index} searched={search.searched} loading={search.loading} onStep={search.step} />}
      />
      <Document
        file={file}
        options={PDF_OPTIONS}
        className="pdf-document"
        onLoadSuccess={(loaded) => {
          setDoc(loaded);
          setPages(loaded.numPages);
          onPage((p) => Math.min(Math.max(1, p), loaded.numPages));
        }}
        onLoadError={(err) => {
          console.error('PDF kunde inte visas', err);
          onFail();
        }}
        loading={<Group p="xl"><Loader size="sm" /><Text size="sm">Öppnar handlingen …</Text></Group>}
        error={<Text>Handlingen kunde inte visas.</Text>}
      >
        {pages > 1 && <PdfThumbnails pages={pages} current={page} onGo={goTo} />}
        <div className="pdf-stage" ref={stageRef} data-testid="pdf-stage" data-rendered-page={rendered || undefined}>
          {pages > 0 && size && (
            <Page
              pageNumber={page}
              scale={zoom * CSS_PX_PER_PT}
              renderAnnotationLayer={false}
              customTextRenderer={search.customTextRenderer}
              onRenderSuccess={() => setRendered(page)}
              onRenderTextLayerSuccess={() => (stageRef.current as HTMLDivElement | null)?.querySelector('.pdf-hit-current')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })}
              loading={<Loader size="sm" />}
            />
          )}
        </div>
      </Document>
      <Text size="xs" c="dimmed" mt="xs">
        {pages > 0 ? formatPageCount(pages) : ''} · 100 % är sidans egen storlek. Bläddra med Page Up/Page Down, zooma med + och − (0 för verklig storlek), sök med Enter och Skift+Enter{reader ? ', Esc lämnar läsläget' : ''}.
      </Text>
    </Paper>
  );
}
