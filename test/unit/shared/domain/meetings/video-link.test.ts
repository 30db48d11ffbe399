// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFDict, PDFString } from 'pdf-lib';
import { buildKallelse } from '../../../../../shared/domain/meetings/build-kallelse';
import { extractPdfText } from '../../../../../electron/services/pdf/extract-text';
import { renderKallelse } from '../../../../../electron/services/meetings/kallelse-pdf';
import { newDraft, validateDraft, fieldsOf } from '../../../../../renderer/src/features/meetings/meeting-draft';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { board, MEETING } from './fixtures';

/**
 * Issue #15 item 14: the meeting form promised "Länk till videomötet skickas
 * med kallelsen" but had no field for it. The link is signed data that ends up
 * as a clickable link in every called person's kallelse, so it is https only.
 */
const LINK = 'https://möte.exempel.se/j/123456?pwd=abc';

describe('the video link of a meeting', () => {
  it('is kept by meeting.updated, and a meeting made before the field existed folds with none', () => {
    const s = board();
    expect(s.state().meetings[MEETING]!.videoLink).toBeNull();
    s.add(DIRECTOR, 'meeting.updated', { id: MEETING, distance: 'Anslut fem minuter före.', videoLink: LINK });
    const st = s.state();
    expect(st.refused).toEqual([]);
    expect(st.meetings[MEETING]!.videoLink).toBe(LINK);
  });

  it.each([
    ['http://möte.exempel.se/1', 'ska börja med https://'],
    ['javascript:alert(1)', 'ska börja med https://'],
    ['file:///C:/Windows/system32/calc.exe', 'ska börja med https://'],
    ['https://anna:hemligt@möte.exempel.se/1', 'användarnamn eller lösenord'],
    ['https://möte.exempel.se/1 https://ond.se', 'mellanslag'],
    ['https://localhost/1', 'riktig adress'],
  ])('refuses %s from a package with a Swedish reason, and keeps the meeting unchanged', (link, reason) => {
    const s = board();
    s.add(DIRECTOR, 'meeting.updated', { id: MEETING, distance: 'Via länken.', videoLink: link });
    const st = s.state();
    expect(st.refused).toHaveLength(1);
    expect(st.refused[0]!.reason).toContain(reason);
    expect(st.meetings[MEETING]!.videoLink).toBeNull();
    expect(st.meetings[MEETING]!.distance).toBeNull();
  });

  it('goes into the kallelse with the time and place of justering', async () => {
    const s = board();
    s.add(DIRECTOR, 'meeting.updated', { id: MEETING, distance: 'Anslut fem minuter före.', videoLink: LINK });
    const doc = buildKallelse(s.state(), MEETING, '2026-03-01');
    expect(doc.meeting.videoLink).toBe(LINK);
    expect(doc.meeting.justering).toEqual({ date: '2026-03-17', place: 'Förbundets kansli' });
    const pdf = await renderKallelse(doc);
    const text = (await extractPdfText(pdf)).pages.join(' ');
    // pdfmake lays the address out in pieces (it may wrap after a slash), so compare without the gaps.
    expect(text).toContain('Videolänk https://');
    expect(text.replace(/\s+/g, '')).toContain(`Videolänk${LINK}`);
    expect(text).toContain('Justering 2026-03-17, Förbundets kansli');
    // The link is clickable: a URI link annotation with exactly that address.
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    const uris = loaded.getPages().flatMap((p) =>
      (p.node.Annots()?.asArray() ?? []).map((ref) => {
        const action = (loaded.context.lookup(ref) as PDFDict).lookup(PDFName.of('A'));
        const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
        return uri instanceof PDFString ? uri.decodeText() : String(uri ?? '');
      }),
    );
    expect(uris).toContain(new URL(LINK).href);
  });
});

describe('the video link field of the meeting form', () => {
  const draft = () => ({ ...newDraft(board().state(), '2026-02-01', null), place: 'Kansliet', distanceOffered: true, distance: '' });

  it('says in Swedish when the link is not https, and asks for nothing else when a link is given', () => {
    expect(validateDraft(board().state(), { ...draft(), videoLink: 'http://möte.exempel.se/1' }).videoLink).toBe(
      'Länken till videomötet ska börja med https://, till exempel https://möte.exempel.se/123.',
    );
    const ok = validateDraft(board().state(), { ...draft(), videoLink: ` ${LINK} ` });
    expect(ok.videoLink).toBeUndefined();
    expect(ok.distance).toBeUndefined();
    expect(validateDraft(board().state(), { ...draft(), videoLink: '' }).distance).toMatch(/^Skriv hur man deltar på distans/);
  });

  it('is sent only when distance participation is offered', () => {
    const st = board().state();
    expect(fieldsOf(st, { ...draft(), videoLink: ` ${LINK} ` }).videoLink).toBe(LINK);
    expect(fieldsOf(st, { ...draft(), videoLink: '' }).videoLink).toBeNull();
    expect(fieldsOf(st, { ...draft(), distanceOffered: false, videoLink: LINK }).videoLink).toBeNull();
  });
});
