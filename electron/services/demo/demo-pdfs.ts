import type { Handlers } from '../../../shared/contract';
import type { DemoFile } from './scenario';

/**
 * The demo's generated documents, made through the contract like the
 * Protokoll and Sammanträden screens do: the signed protokoll of the held
 * meeting exported on the chair's laptop (only the chair exports the signed
 * protokoll), and the förbundschef's kallelse to the next meeting.
 */
/** The förbund CA certificate (PEM) and fingerprint, from the ca.established event. */
async function forbundCa(director: Handlers): Promise<{ pem: string; fingerprint: string } | null> {
  const { events } = await director['log.list']({ afterSeq: 0 });
  const bodies = events.map((e) => JSON.parse(e.body) as { type: string; payload: { certificate?: string; fingerprint?: string } });
  const p = bodies.find((b) => b.type === 'ca.established')?.payload;
  if (!p?.certificate || !p.fingerprint) return null;
  const lines = p.certificate.match(/.{1,64}/g) ?? [];
  return { pem: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`, fingerprint: p.fingerprint };
}

type MakeFile = (input: { meetingId: string }) => Promise<{ fileName: string; bytes: Uint8Array }>;

export async function exportDemoPdfs(opts: { chair: Handlers; director: Handlers; held: string; next: string }): Promise<DemoFile[]> {
  const protokoll = await opts.chair['protokoll.export']({ meetingId: opts.held, variant: 'full' });
  // The kallelse comes from the Sammanträden screens' contract call; a build without it leaves the kallelse out.
  const kallelsePdf = (opts.director as unknown as Record<string, MakeFile | undefined>)['meetings.kallelsePdf'];
  const kallelse = kallelsePdf ? await kallelsePdf({ meetingId: opts.next }) : null;
  const ca = await forbundCa(opts.director);
  return [
    {
      fileName: protokoll.fileName.includes('protokoll') ? protokoll.fileName : `protokoll-${protokoll.fileName}`,
      bytes: protokoll.bytes,
      description:
        'Det signerade protokollet från senaste sammanträdet (PDF/A-3b med ordförandens PAdES-signatur), exporterat av ordföranden: signatursida med ordförandens och justerarens nycklar, kontrollsumman och förbundets CA, och det maskinläsbara protokollet, signaturerna och nycklarna som bifogade filer. Kontrollera det i en PDF-läsares signaturpanel, i Styrelsebordet (Arkiv › Kontrollera ett protokoll) eller med: npm run --silent cli -- verify --ca <fingeravtryck> <fil>.',
    },
    ...(ca
      ? [{ fileName: 'forbundets-ca.pem', bytes: new TextEncoder().encode(ca.pem), description: `Förbundets CA-certifikat, det förbundet publicerar på sin webbplats. Fingeravtryck (SHA-256): ${ca.fingerprint}` }]
      : []),
    ...(kallelse
      ? [{ fileName: kallelse.fileName, bytes: kallelse.bytes, description: 'Kallelsen med föredragningslistan till nästa sammanträde (PDF), med de två ansökningarna om medel och delegationsbeslutet att anmäla.' }]
      : []),
  ];
}
