// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract/errors';
import { extractPdfText } from '../../../../../electron/services/pdf/extract-text';
import { renderKallelse } from '../../../../../electron/services/meetings/kallelse-pdf';
import { renderExtract } from '../../../../../electron/services/meetings/utdrag-pdf';
import { kallelse, protokoll } from './protokoll/fixtures';

const hasPdffonts = spawnSync('which', ['pdffonts']).status === 0;
if (!hasPdffonts) console.info('Skipping the pdffonts checks: pdffonts is not installed (it comes with poppler-utils).');
const dir = mkdtempSync(join(tmpdir(), 'sb-kallelse-'));

const text = async (pdf: Uint8Array): Promise<string> => (await extractPdfText(pdf)).pages.join(' ');

describe('kallelse PDF', () => {
  it('has the meeting, the föredragningslista with proposals and handlingar, the förhinder request and the recipients', async () => {
    const pdf = await renderKallelse(kallelse());
    const t = await text(pdf);
    expect(t).toContain('KALLELSE');
    expect(t).toContain('2026-03-14 kl. 09.00');
    expect(t).toContain('Stadshuset, sessionssalen, Skövde');
    expect(t).toContain('Föredragningslista');
    expect(t).toContain('4. Ansökan om medel till insatsen Öppna vägar för unga Dnr 2026:014');
    expect(t).toContain('Styrelsen föreslås bevilja 450 000 kr');
    expect(t).toContain('– Förbundschefens tjänsteskrivelse, 2026-03-02');
    expect(t).toContain('Anmäl förhinder så snart som möjligt');
    expect(t).toContain('Göran Näslund ersättare (1) Västra Götalandsregionen');
    expect(t).toMatch(/1 \(2\)/);
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(loaded.getTitle()).toBe('Kallelse Styrelsen 2026-03-14');
    expect(loaded.getAuthor()).toBe('Samordningsförbundet Östra Skaraborg');
    if (hasPdffonts) {
      const path = join(dir, 'kallelse.pdf');
      writeFileSync(path, pdf);
      const rows = spawnSync('pdffonts', [path], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
      for (const row of rows) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
    }
  });
});

describe('utdrag PDF', () => {
  it('carries the chosen §§ only, with the utdragsbestyrkande', async () => {
    const pdf = await renderExtract(protokoll(), [14], { name: 'Maja Söderlund', role: 'sekreterare' }, '2026-03-18');
    const t = await text(pdf);
    expect(t).toContain('UTDRAG UR SAMMANTRÄDESPROTOKOLL');
    expect(t).toContain('§ 14 Ansökan om medel till insatsen Öppna vägar för unga');
    expect(t).toContain('Styrelsen beslutar att bevilja 450 000 kr');
    expect(t).not.toContain('§ 15');
    expect(t).toContain('Utdragsbestyrkande Utdraget överensstämmer med originalprotokollet (§ 14).');
    expect(t).toContain('Maja Söderlund, sekreterare Datum 2026-03-18');
  });

  it('refuses a § the protokoll does not have', async () => {
    const err = await renderExtract(protokoll(), [14, 99], { name: 'Maja Söderlund', role: 'sekreterare' }, '2026-03-18').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('Protokollet har ingen § 99');
  });
});
