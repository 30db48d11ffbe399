import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { groupedFingerprint } from '../services/meetings/protokoll/protokoll-attestations';
import { normalisePin, verifyProtokollPdf } from '../services/meetings/protokoll/verify-protokoll';
import { EXIT, usageError, type Command } from './commands-base';

/** A signed protokoll is a few hundred kB; a file far larger is not one, and is not read into memory. */
const MAX_BYTES = 200 * 1024 * 1024;

export const verify: Command = {
  name: 'verify',
  usage: 'verify --ca <fingeravtryck> <protokoll.pdf>',
  summary:
    'Kontrollerar ett signerat protokoll: PDF-signaturen mot förbundets CA (fingeravtrycket förbundet publicerar), justeringarna, de bifogade filerna och att sidornas text stämmer med det signerade protokollet.',
  async run(argv, io) {
    const args = [...argv];
    let pin: string | null = null;
    const at = args.indexOf('--ca');
    if (at >= 0) {
      const value = args[at + 1];
      pin = normalisePin(value);
      if (!pin) return usageError(io, '--ca ska följas av förbundets CA-fingeravtryck (SHA-256, 64 hexadecimala tecken; mellanslag tillåtna inom citattecken).');
      args.splice(at, 2);
    }
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
    const result = await verifyProtokollPdf(await readFile(path), { caFingerprint: pin });
    const signerLines = result.signers.map((s) => `  ${s.name}, ${s.role.toLowerCase()}, ${s.time} (svensk tid), nyckel ${groupedFingerprint(s.fingerprint)}`);
    if (result.ok) {
      io.out('OK');
      if (result.title) io.out(result.title);
      if (result.sha256) io.out(`SHA-256: ${result.sha256}`);
      if (pin) io.out(`Förbundets CA: ${groupedFingerprint(pin)}`);
      io.out('Signerat i PDF-filen av:');
      for (const s of result.sealedBy) io.out(`  ${s.name}, ${s.role}, ${s.time} (svensk tid)`);
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
    if (!pin && result.caFingerprint) io.err(`Jämför förbundets CA med det publicerade fingeravtrycket och kör igen med --ca "${groupedFingerprint(result.caFingerprint)}".`);
    return EXIT.failed;
  },
};
