import 'react-pdf/dist/Page/TextLayer.css';
import 'react-pdf/dist/Page/AnnotationLayer.css';
import { Alert, Modal } from '@mantine/core';
import { useCallback, useState } from 'react';
import { PdfReaderBody } from './PdfReaderBody';
import type { ZoomView } from './pdf-zoom';
import './pdf-worker';

export interface PdfViewerProps {
  bytes: Uint8Array;
  title: string;
  initialPage?: number;
  /** A remembered zoom (1 = the page's own size); without one the page fits the width. */
  initialZoom?: number;
  onViewChange?(view: { page: number; zoom: number }): void;
}

/**
 * The in-app reader: one page at a time with page navigation and zoom true to
 * the page, keyboard first (PageUp/PageDown, Home/End, + and −), page
 * thumbnails beside the page and search in the document's text. "Läsläge"
 * shows the same page over the whole window (a full-screen dialog: Esc
 * leaves it and focus returns to the button); page and zoom carry over.
 */
export function PdfViewer({ bytes, title, initialPage = 1, initialZoom, onViewChange }: PdfViewerProps) {
  const [page, setPage] = useState(initialPage);
  const [view, setView] = useState<ZoomView>(initialZoom ? { mode: 'free', zoom: initialZoom } : { mode: 'width', zoom: 1 });
  const [reading, setReading] = useState(false);
  const [failed, setFailed] = useState(false);
  const onFail = useCallback(() => setFailed(true), []);

  if (failed) {
    return <Alert color="red" title="Handlingen kunde inte visas">Filen gick inte att läsa. Prova att lägga till den igen.</Alert>;
  }
  const shared = { bytes, title, page, onPage: setPage, view, onView: setView, onFail };
  return (
    <>
      <PdfReaderBody {...shared} onReader={() => setReading(true)} onViewChange={onViewChange} />
      <Modal opened={reading} onClose={() => setReading(false)} fullScreen title={`Läsläge: ${title}`} closeButtonProps={{ 'aria-label': 'Stäng läsläget (Esc)' }} classNames={{ content: 'pdf-reader-content', body: 'pdf-reader-body' }} transitionProps={{ duration: 0 }}>
        {reading && <PdfReaderBody {...shared} reader />}
      </Modal>
    </>
  );
}
