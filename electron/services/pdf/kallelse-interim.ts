import type { KallelseDocument } from '../../../shared/domain/meetings/kallelse-document';
import { baseDocument, titleBlock } from './layout';
import { renderPdf } from './render';
import type { Content } from './types';

/**
 * A plain kallelse PDF until the house renderer (`renderKallelse`, branch
 * wt-pdf) lands on main; then `meetings.kallelsePdf` switches to that one and
 * this file goes. It prints every part of the KallelseDocument so nothing the
 * meetings domain wrote is lost.
 */

const time = (t: string): string => t.replace(':', '.');

export async function renderKallelseInterim(doc: KallelseDocument): Promise<Buffer<ArrayBuffer>> {
  const title = `Kallelse till sammanträde med ${doc.organ.toLowerCase()}`;
  const m = doc.meeting;
  const content: Content[] = [
    ...titleBlock(title, `${doc.forbund.name} · skickad ${doc.sentOn}`),
    { text: `Tid: ${m.date} kl. ${time(m.startTime)}`, style: 'body' },
    { text: `Plats: ${m.place}`, style: 'body' },
    ...(m.distance ? [{ text: `Deltagande på distans: ${m.distance}`, style: 'body' } as Content] : []),
    { text: doc.absenceNote, style: 'body' },
    { text: 'Föredragningslista', style: 'heading' },
  ];
  for (const item of doc.items) {
    content.push({ text: `${item.number}. ${item.title}${item.dnr ? ` (${item.dnr})` : ''}`, bold: true, margin: [0, 6, 0, 2] });
    if (item.presenter) content.push({ text: `Föredragande: ${item.presenter}`, style: 'muted' });
    if (item.proposal) content.push({ text: `Förslag till beslut: ${item.proposal}`, style: 'body' });
    if (item.documents.length > 0) content.push({ text: `Handlingar: ${item.documents.join('; ')}`, style: 'muted' });
  }
  content.push({ text: 'Kallade', style: 'heading' });
  for (const r of doc.recipients) content.push({ text: `${r.name}, ${r.role}${r.organisation ? `, ${r.organisation}` : ''}` });
  if (doc.sender) content.push({ text: `${doc.sender.name}, ${doc.sender.role}, ${doc.sender.email}`, margin: [0, 18, 0, 0] });
  return renderPdf({
    ...baseDocument({ title, organisation: doc.forbund.name, footerNote: `Kallelse ${m.date}`, subject: title, createdAt: new Date(`${doc.sentOn}T12:00:00Z`) }),
    content,
  });
}
