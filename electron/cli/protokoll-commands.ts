import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { groupedFingerprint } from '../services/pdf/protokoll-attestations';
import { verifyProtokollPdf } from '../services/pdf/verify-protokoll';
import { EXIT, usageError, type Command } from './commands-base';

/** A signed protokoll is a few hundred kB; a file far larger is not one, and is not read into memory. */
const MAX_BYTES = 200 * 1024 * 1024;

export const verify: Command = {
  name: 'verify',
  usage: 'verify <protokoll.pdf>',
  summary: 'Kontrollerar ett signerat protokoll: signaturerna, de bifogade filerna och att sidornas text stämmer med det signerade protokollet.',
  async run(args, io) {
    if (args.length !== 1) return usageError(io, 'verify tar exakt en fil.');
    const path = resolve(args[0]!);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      io.err(`Filen finns inte: ${path}`);
      return EXIT.failed;
    }
    if (info.size > MAX_BYTES) {
      io.err(`Filen är för stor (${Math.round(info.size / 1_000_000)} MB) för att vara ett signerat protokoll.`);
      return EXIT.failed;
    }
    const result = await verifyProtokollPdf(await readFile(path));
    const signerLines = result.signers.map((s) => `  ${s.name}, ${s.role.toLowerCase()}, ${s.time} (svensk tid), nyckel ${groupedFingerprint(s.fingerprint)}`);
    if (result.ok) {
      io.out('OK');
      if (result.title) io.out(result.title);
      if (result.sha256) io.out(`SHA-256: ${result.sha256}`);
      io.out('Justerat av:');
      for (const line of signerLines) io.out(line);
      return EXIT.ok;
    }
    io.err(`Kontrollen misslyckades: ${path}`);
    if (result.title) io.err(result.title);
    for (const problem of result.problems) io.err(`  - ${problem}`);
    if (signerLines.length > 0) {
      io.err('Signaturer i filen:');
      for (const line of signerLines) io.err(line);
    }
    return EXIT.failed;
  },
};
