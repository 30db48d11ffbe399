import { renderCoverSheet } from '../electron/services/documents/cover-sheet';
import { renderPdf } from '../electron/services/pdf/render';
import type { AttachmentMeta } from '../shared/contract';
import { measure, report } from './harness';

/** The cover sheet (our layout, header, footer, table) against pdfmake rendering a plain table of the same rows. */
export async function pdfBench(): Promise<void> {
  const attachments: AttachmentMeta[] = Array.from({ length: 300 }, (_, i) => ({
    sha256: i.toString(16).padStart(64, '0'),
    fileName: `Bilaga ${i + 1} – Åtgärder för unga i Östra länet.pdf`,
    size: 120_000 + i * 1000,
    pageCount: 1 + (i % 30),
    addedAt: new Date(Date.UTC(2026, 2, 1 + (i % 28))).toISOString(),
  }));
  const plain = await measure(5, () =>
    renderPdf({ content: [{ table: { body: attachments.map((a) => [a.fileName, String(a.pageCount), String(a.size)]) } }] }),
  );
  const cover = await measure(5, () => renderCoverSheet({ attachments, generatedAt: new Date() }));
  report('cover sheet, 300 attachments', cover, plain);
}
