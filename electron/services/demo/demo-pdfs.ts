import type { Handlers } from '../../../shared/contract';
import type { DemoFile } from './scenario';

/**
 * The demo's generated documents, made through the contract like the
 * Protokoll and Sammanträden screens do: the signed protokoll of the held
 * meeting exported on the chair's laptop (only the chair exports the signed
 * protokoll), and the förbundschef's kallelse to the next meeting.
 */
type MakeFile = (input: { meetingId: string }) => Promise<{ fileName: string; bytes: Uint8Array }>;

export async function exportDemoPdfs(opts: { chair: Handlers; director: Handlers; held: string; next: string }): Promise<DemoFile[]> {
  const protokoll = await opts.chair['protokoll.export']({ meetingId: opts.held, variant: 'full' });
  // The kallelse comes from the Sammanträden screens' contract call; a build without it leaves the kallelse out.
  const kallelsePdf = (opts.director as unknown as Record<string, MakeFile | undefined>)['meetings.kallelsePdf'];
  const kallelse = kallelsePdf ? await kallelsePdf({ meetingId: opts.next }) : null;
  return [
    {
      fileName: protokoll.fileName.includes('protokoll') ? protokoll.fileName : `protokoll-${protokoll.fileName}`,
      bytes: protokoll.bytes,
      description:
        'Det signerade protokollet från senaste sammanträdet (PDF/A-3b), exporterat av ordföranden: signatursida med ordförandens och justerarens nycklar och kontrollsumman, och det maskinläsbara protokollet, signaturerna och nycklarna som bifogade filer. Kontrollera det med: npm run --silent cli -- verify <fil>.',
    },
    ...(kallelse
      ? [{ fileName: kallelse.fileName, bytes: kallelse.bytes, description: 'Kallelsen med föredragningslistan till nästa sammanträde (PDF), med de två ansökningarna om medel och delegationsbeslutet att anmäla.' }]
      : []),
  ];
}
