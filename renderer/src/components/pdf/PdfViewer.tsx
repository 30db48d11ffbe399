import 'react-pdf/dist/Page/TextLayer.css';
import 'react-pdf/dist/Page/AnnotationLayer.css';
import { ActionIcon, Alert, Group, Loader, NumberInput, Paper, Text, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Document, Page } from 'react-pdf';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { formatPageCount } from '../../../../shared/domain/format';
import { PdfSearchBar } from './PdfSearchBar';
import { PdfThumbnails } from './PdfThumbnails';
import { usePdfSearch } from './use-pdf-search';
import './pdf-worker';

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
// Never let pdf.js evaluate generated code (the CSP forbids it anyway).
const PDF_OPTIONS = { isEvalSupported: false } as const;

export interface PdfViewerProps {
  bytes: Uint8Array;
  title: string;
  initialPage?: number;
  initialZoom?: number;
  onViewChange?(view: { page: number; zoom: number }): void;
}

/**
 * The in-app reader: one page at a time with page navigation and zoom,
 * keyboard first (PageUp/PageDown, Home/End, + and −), page thumbnails beside
 * the page and search in the document's text (hits marked in the text layer).
 */
export function PdfViewer({ bytes, title, initialPage = 1, initialZoom = 1, onViewChange }: PdfViewerProps) {
  // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes stay usable.
  const file = useMemo(() => ({ data: bytes.slice() }), [bytes]);
  const [pages, setPages] = useState(0);
  const [page, setPage] = useState(initialPage);
  const [zoom, setZoom] = useState(initialZoom);
  const [failed, setFailed] = useState(false);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  // The page whose canvas is drawn (tests and the benchmark wait for it).
  const [rendered, setRendered] = useState(0);
  // Fit the page to the column at 100 %; zoom scales from there.
  const { ref: stageRef, width: stageWidth } = useElementSize();
  const pageWidth = Math.max(240, Math.min(stageWidth - 32, 900));

  useEffect(() => {
    if (pages > 0) onViewChange?.({ page, zoom });
  }, [page, zoom, pages, onViewChange]);

  const goTo = useCallback((n: number) => setPage((p) => (pages > 0 ? Math.min(Math.max(1, n), pages) : p)), [pages]);
  const search = usePdfSearch(doc, page, goTo);
  const zoomBy = useCallback((dir: 1 | -1) => {
    setZoom((z) => {
      const i = ZOOM_STEPS.findIndex((s) => s >= z - 1e-6);
      const next = ZOOM_STEPS[Math.min(Math.max(0, (i < 0 ? ZOOM_STEPS.length - 1 : i) + dir), ZOOM_STEPS.length - 1)];
      return next ?? z;
    });
  }, []);

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
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  if (failed) {
    return <Alert color="red" title="Handlingen kunde inte visas">Filen gick inte att läsa. Prova att lägga till den igen.</Alert>;
  }

  return (
    <Paper withBorder p="sm" role="region" aria-label={`PDF-visare: ${title}`} onKeyDown={onKey} tabIndex={0}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <PdfSearchBar
          query={search.query}
          onQuery={search.setQuery}
          count={search.hits.length}
          index={search.index}
          searched={search.searched}
          loading={search.loading}
          onStep={search.step}
        />
      </Group>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Tooltip label="Föregående sida (Page Up)">
            <ActionIcon variant="default" size="lg" aria-label="Föregående sida" disabled={page <= 1} onClick={() => goTo(page - 1)}><IconChevronLeft size={18} aria-hidden /></ActionIcon>
          </Tooltip>
          <NumberInput
            aria-label="Sidnummer"
            value={page}
            min={1}
            max={Math.max(pages, 1)}
            onChange={(v) => typeof v === 'number' && goTo(v)}
            w={72}
            size="sm"
            hideControls
            clampBehavior="strict"
          />
          <Text size="sm" aria-live="polite" data-testid="pdf-position">
            Sida {page} av {pages || '…'}
          </Text>
          <Tooltip label="Nästa sida (Page Down)">
            <ActionIcon variant="default" size="lg" aria-label="Nästa sida" disabled={pages === 0 || page >= pages} onClick={() => goTo(page + 1)}><IconChevronRight size={18} aria-hidden /></ActionIcon>
          </Tooltip>
        </Group>
        <Group gap="xs">
          <Tooltip label="Zooma ut (−)">
            <ActionIcon variant="default" size="lg" aria-label="Zooma ut" disabled={zoom <= ZOOM_STEPS[0]!} onClick={() => zoomBy(-1)}><IconZoomOut size={18} aria-hidden /></ActionIcon>
          </Tooltip>
          <Text size="sm" w={48} ta="center" data-testid="pdf-zoom">{Math.round(zoom * 100)} %</Text>
          <Tooltip label="Zooma in (+)">
            <ActionIcon variant="default" size="lg" aria-label="Zooma in" disabled={zoom >= ZOOM_STEPS[ZOOM_STEPS.length - 1]!} onClick={() => zoomBy(1)}><IconZoomIn size={18} aria-hidden /></ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Document
          file={file}
          options={PDF_OPTIONS}
          className="pdf-document"
          onLoadSuccess={(loaded) => {
            setDoc(loaded);
            setPages(loaded.numPages);
            setPage((p) => Math.min(Math.max(1, p), loaded.numPages));
          }}
          onLoadError={(err) => {
            console.error("PDF kunde inte visas", err);
            setFailed(true);
          }}
          loading={<Group p="xl"><Loader size="sm" /><Text size="sm">Öppnar handlingen …</Text></Group>}
          error={<Text>Handlingen kunde inte visas.</Text>}
        >
          {pages > 1 && <PdfThumbnails pages={pages} current={page} onGo={goTo} />}
          <div
            className="pdf-stage"
            ref={stageRef}
            data-testid="pdf-stage"
            data-rendered-page={rendered || undefined}
          >
            {pages > 0 && (
              <Page
                pageNumber={page}
                scale={zoom}
                width={pageWidth}
                renderAnnotationLayer={false}
                customTextRenderer={search.customTextRenderer}
                onRenderSuccess={() => setRendered(page)}
                onRenderTextLayerSuccess={() => (stageRef.current as HTMLDivElement | null)?.querySelector('.pdf-hit-current')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })}
                loading={<Loader size="sm" />}
              />
            )}
          </div>
        </Document>
      <Text size="xs" c="dimmed" mt="xs">{pages > 0 ? formatPageCount(pages) : ''} · Bläddra med Page Up/Page Down, zooma med + och −, sök med Enter och Skift+Enter.</Text>
    </Paper>
  );
}
