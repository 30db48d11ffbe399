import type { ProtokollDocument } from '../../../shared/domain/meetings/protokoll-document';
import type { Signer } from './fixtures';

// Placeholder for the failing-first run: today's export has no CA and no PAdES layer.
export interface TestPki { ca: { fingerprint: string } }
export const makePki = async (_doc: ProtokollDocument, _signers: Signer[]): Promise<TestPki> => ({ ca: { fingerprint: '0'.repeat(64) } });
export const sealed = async (_pki: TestPki, pdf: Uint8Array): Promise<Uint8Array> => pdf;
