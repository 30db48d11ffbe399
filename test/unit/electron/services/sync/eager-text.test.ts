import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemoScenario } from '../../../../../electron/services/demo/scenario';
import { laptop, type Laptop } from '../../../../helpers/federation-fixture';

const pdfsIn = (dataDir: string): string[] => {
  const root = join(dataDir, 'attachments');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => f.endsWith('.pdf')).map((f) => join(root, d.name, f)));
};

/**
 * The text of PDFs that arrive in a package is extracted right after the
 * import, in the background, so the member's first search finds it ready.
 */
describe('text extraction after an import', () => {
  it('extracts the text of every PDF in the package without anyone asking for it', async () => {
    const director = await laptop('chef-text');
    const members: Laptop[] = [];
    await runDemoScenario(director, async () => {
      const l = await laptop(`ledamot-text-${members.length}`);
      members.push(l);
      return l;
    });
    const lena = members[0]!;
    const pdfs = pdfsIn(lena.dataDir);
    expect(pdfs.length).toBeGreaterThanOrEqual(2);
    // Nobody called attachments.text on Lena's laptop: the import did.
    await expect.poll(() => pdfs.every((p) => existsSync(p.replace(/\.pdf$/, '.txt'))), { timeout: 30_000 }).toBe(true);
    const texts = pdfs.map((p) => readFileSync(p.replace(/\.pdf$/, '.txt'), 'utf8'));
    expect(texts.join('\n')).toContain('folkbokförda');
    // The cached text is what the search gets.
    const sha = pdfs[0]!.split('/').at(-1)!.replace(/\.pdf$/, '');
    expect((await lena['attachments.text']({ sha256: sha })).text).toBe(texts[0]);
  });
});
