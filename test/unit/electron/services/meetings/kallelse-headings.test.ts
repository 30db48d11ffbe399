// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../../../electron/services/pdf/extract-text';
import { renderKallelse } from '../../../../../electron/services/meetings/kallelse-pdf';
import { kallelse } from './protokoll/fixtures';

/**
 * Issue #15 item 9: a heading keeps with what follows it. With föredragningslistor
 * of every length from 1 to 24 items, "Föredragningslista" and "Kallade" never
 * end a page on their own (the running header of the next page right after them).
 */
describe('kallelse PDF headings', () => {
  it('never leaves "Föredragningslista" or "Kallade" alone at the foot of a page', async () => {
    const base = kallelse();
    const alone: string[] = [];
    for (let n = 1; n <= 24; n++) {
      const items = Array.from({ length: n }, (_, i) => ({ ...base.items[i % base.items.length]!, number: i + 1 }));
      const pages = (await extractPdfText(await renderKallelse({ ...base, items }))).pages;
      pages.forEach((text, i) => {
        // Each page's text ends with its running header and footer, which begin with the förbund's name.
        const body = text.slice(0, text.lastIndexOf(base.forbund.name)).trim();
        if (/(Föredragningslista|Kallade)$/.test(body)) alone.push(`${n} punkter, sida ${i + 1}: …${body.slice(-40)}`);
      });
    }
    expect(alone).toEqual([]);
  }, 120_000);
});
