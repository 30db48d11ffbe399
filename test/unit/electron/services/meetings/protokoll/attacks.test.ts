// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { protokollBytes, type ProtokollDocument } from '../../../../../../shared/domain/meetings/protokoll-document';
import { renderSignedProtokoll } from '../../../../../../electron/services/meetings/protokoll/protokoll-pdf';
import { verifyProtokollPdf } from '../../../../../../electron/services/meetings/protokoll/verify-protokoll';
import { addDuplicateEmbedded, addOverlayAnnotation, changeMetadata, drawWhiteBox, embeddedNames, overlayAsIncrementalUpdate } from './attacks';
import { attest, makePoster, makeSigners, postedAnslag, protokoll, signerInfo, type Signer } from './fixtures';
import { makePki, sealed, type TestPki } from './pki-fixtures';
import { replaceEmbedded } from './tamper';

/**
 * Issue #12's attacks on a genuine protokoll: each must make `verify` fail
 * (and name why), while the genuine file, checked against the förbund's
 * pinned CA, passes.
 */

const EXPORTED = new Date('2026-03-18T07:45:00Z');

let doc: ProtokollDocument;
let signers: Signer[];
let poster: Signer;
let pki: TestPki;
let genuine: Uint8Array;

const verify = (bytes: Uint8Array) => verifyProtokollPdf(bytes, { caFingerprint: pki.ca.fingerprint });
const problemsOf = async (bytes: Uint8Array): Promise<string> => {
  const r = await verify(bytes);
  expect(r.ok, 'verify must refuse the file').toBe(false);
  return r.problems.join('\n');
};

beforeAll(async () => {
  doc = protokoll();
  signers = makeSigners();
  poster = makePoster();
  pki = await makePki(doc, [...signers, poster]);
  const lines = [attest(signers[0]!, doc, '2026-03-16T13:05:00Z'), attest(signers[1]!, doc, '2026-03-17T08:30:00Z')];
  genuine = await sealed(pki, await renderSignedProtokoll({ document: doc, attestations: lines, signers: signerInfo([...signers, poster]), anslag: postedAnslag(poster, doc), variant: 'signed', exportedAt: EXPORTED, caFingerprint: pki.ca.fingerprint }));
}, 60_000);

describe('the attacks of issue #12', () => {
  it('the genuine protokoll passes against the pinned CA', async () => {
    const r = await verify(genuine);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('a wholly forged protokoll: fresh keys under the real person ids, a changed amount', async () => {
    const forgedDoc = structuredClone(doc);
    forgedDoc.paragraphs[2]!.decision.amountKr = 1_500_000;
    forgedDoc.paragraphs[2]!.decision.text = forgedDoc.paragraphs[2]!.decision.text.replace('450 000 kr', '1 500 000 kr');
    const forgers = makeSigners();
    const lines = [attest(forgers[0]!, forgedDoc, '2026-03-16T13:05:00Z'), attest(forgers[1]!, forgedDoc, '2026-03-17T08:30:00Z')];
    // The forger may even run a CA of their own, named like the förbund.
    const forgedPoster = makePoster();
    const forgedPki = await makePki(forgedDoc, [...forgers, forgedPoster]);
    const forged = await sealed(forgedPki, await renderSignedProtokoll({ document: forgedDoc, attestations: lines, signers: signerInfo([...forgers, forgedPoster]), anslag: postedAnslag(forgedPoster, forgedDoc), variant: 'signed', exportedAt: EXPORTED, caFingerprint: forgedPki.ca.fingerprint }));
    expect(await problemsOf(forged)).toContain('förbundets CA');
  });

  it('a FreeText annotation with an opaque appearance over the § decision', async () => {
    const problems = await problemsOf(await addOverlayAnnotation(genuine));
    expect(problems).toContain('Sidan 2 har en anteckning (FreeText)');
    expect(problems).toContain('PDF-signatur 1 håller inte: filen har ändrats efter signeringen');
  });

  it('the same annotation as a true incremental update', async () => {
    const problems = await problemsOf(await overlayAsIncrementalUpdate(genuine));
    expect(problems).toContain('Filen har ändrats efter den sista signaturen');
    expect(problems).toContain('Sidan 2 har en anteckning (FreeText)');
  });

  it('a white box drawn over the decision', async () => {
    expect(await problemsOf(await drawWhiteBox(genuine))).toMatch(/ändrats efter signeringen|signaturen.*håller inte/i);
  });

  it('changed Title, Subject and Author', async () => {
    const problems = await problemsOf(await changeMetadata(genuine));
    expect(problems).toContain('Dokumentets titel (metadata) stämmer inte med det signerade protokollet');
    expect(problems).toContain('Dokumentets ämne (metadata)');
    expect(problems).toContain('Dokumentets författare (metadata)');
  });

  it('a second embedded protokoll.json, listed first', async () => {
    const fake = structuredClone(doc);
    fake.paragraphs[2]!.decision.outcomeLabel = 'Avslag';
    const tampered = await addDuplicateEmbedded(genuine, 'protokoll.json', protokollBytes(fake));
    expect((await embeddedNames(tampered)).filter((n) => n === 'protokoll.json')).toHaveLength(2);
    const problems = await problemsOf(tampered);
    expect(problems).toContain('Den bifogade filen protokoll.json finns fler än en gång (2 gånger)');
    expect(problems).toContain('filen har ändrats efter signeringen');
  });

  // Issue #13: the anslag date decides when the decisions gain laga kraft. Anyone who can seal a PDF
  // (here the chair, with her genuine certificate) must not be able to move it without a signature covering it.
  it('an earlier anslag date than was recorded, in a file the chair seals again', async () => {
    const lines = [attest(signers[0]!, doc, '2026-03-16T13:05:00Z'), attest(signers[1]!, doc, '2026-03-17T08:30:00Z')];
    const backdated = { postedOn: '2026-03-17', takenDownOn: '2026-04-08' };
    const resealed = await sealed(pki, await renderSignedProtokoll({ document: doc, attestations: lines, signers: signerInfo(signers), anslag: backdated, variant: 'signed', exportedAt: EXPORTED, caFingerprint: pki.ca.fingerprint }));
    expect(await problemsOf(resealed)).toContain('Anslagets datum 2026-03-17 styrks inte');
  });

  it('a changed name in nycklar.json', async () => {
    const keys = signerInfo([...signers, poster]);
    keys[signers[1]!.identity.fingerprint]!.name = 'Någon Annan';
    const tampered = await replaceEmbedded(genuine, 'nycklar.json', new TextEncoder().encode(JSON.stringify(keys)));
    expect(await problemsOf(tampered)).toMatch(/ändrats efter signeringen|signaturen.*håller inte/i);
  });
});
