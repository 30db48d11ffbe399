/**
 * The PKI part of the folded state. Its own module so the state's shape
 * (events/state.ts) can include it without importing the PKI events, which
 * import the state's helpers (an import cycle otherwise).
 */
export interface PkiState {
  pki: {
    ca: { certificate: string; fingerprint: string; eventId: string } | null;
    /** Device key fingerprint → the request for a PDF-signing certificate. */
    requests: Record<string, { personId: string; publicKeyPem: string; eventId: string }>;
    /** Device key fingerprint → the certificate the CA issued for that person's PDF-signing key. */
    certificates: Record<string, { personId: string; certificate: string; fingerprint: string; eventId: string }>;
    /** The latest revocation list: its DER (base64) and the device keys whose certificates it revokes. */
    crl: { crl: string; revoked: string[]; eventId: string } | null;
  };
}

export const emptyPki = (): PkiState['pki'] => ({ ca: null, requests: {}, certificates: {}, crl: null });
