import { openPdf } from '../electron/services/pdf/pdfjs-node';
import { renderSignedProtokoll } from '../electron/services/meetings/protokoll/protokoll-pdf';
import { renderPdf } from '../electron/services/pdf/render';
import { verifyProtokollPdf } from '../electron/services/meetings/protokoll/verify-protokoll';
import { attest, bigProtokoll, makePoster, makeSigners, postedAnslag, signerInfo } from '../test/unit/electron/services/meetings/protokoll/fixtures';
import { makePki, sealed } from '../test/unit/electron/services/meetings/protokoll/pki-fixtures';
import { measure, report } from './harness';

/**
 * The signed protokoll of a 60-§ meeting: export (layout, PDF/A, embedded
 * files) and `verify` (signatures, text extraction, comparison), each against
 * pdfmake rendering a plain document with the same number of pages; and the
 * export with its PAdES signature (issue #12) against the export without it.
 */
export async function protokollBench(): Promise<void> {
  const { input, pki } = await benchProtokoll(60);
  const signed = await sealed(pki, await renderSignedProtokoll(input));
  const task = await openPdf(signed);
  const pages = (await task.promise).numPages;
  await task.destroy();
  // The baseline: one page-filling paragraph per page, so pdfmake lays out as many pages of plain text.
  const filler = 'Styrelsen beslutar att bevilja medel till insatsen för unga vuxna i förbundets kommuner. '.repeat(38);
  const plain = await measure(3, () => renderPdf({ content: Array.from({ length: pages }, (_, i) => ({ text: filler, pageBreak: i ? ('before' as const) : undefined })) }));
  const exported = await measure(3, () => renderSignedProtokoll(input));
  report(`signed protokoll export, 60 §§ (${pages} pages)`, exported, plain, `${Math.round(signed.length / 1000)} kB`);
  const withPades = await measure(3, async () => sealed(pki, await renderSignedProtokoll(input)));
  report(`export with the PAdES signature, against without`, withPades, exported);
  const verified = await measure(3, async () => {
    const r = await verifyProtokollPdf(signed, { caFingerprint: pki.ca.fingerprint });
    if (!r.ok) throw new Error(`verify failed in the bench: ${r.problems.join(' ')}`);
  });
  report(`verify signed protokoll, 60 §§`, verified, plain);
}

/**
 * The bench's signed protokoll of `paragraphs` §§ and its PKI, as the app exports one. A unit test
 * checks that it passes verify (test/unit/scripts/benches.test.ts): the bench stopped `npm run bench`
 * for several sessions after verify learnt a new rule.
 */
export async function benchProtokoll(paragraphs: number) {
  const doc = bigProtokoll(paragraphs);
  const signers = makeSigners();
  // The förbundschef records the anslag; an export carries that signed record (issue #13), as the app's does.
  const poster = makePoster();
  const pki = await makePki(doc, [...signers, poster]);
  const input = {
    document: doc,
    attestations: [attest(signers[0]!, doc, '2026-03-16T13:05:00Z'), attest(signers[1]!, doc, '2026-03-17T08:30:00Z')],
    signers: signerInfo([...signers, poster]),
    anslag: postedAnslag(poster, doc),
    variant: 'signed' as const,
    caFingerprint: pki.ca.fingerprint,
  };
  return { input, pki };
}
