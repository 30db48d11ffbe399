import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortCode } from '../../../../../shared/domain/log/signed-event';
import { inspectPackage } from '../../../../../electron/services/packages/inspect';
import { writePackage } from '../../../../../electron/services/packages/write';
import { event, fakePdf, FORBUND, FORBUND_NAME, keyRegistered, person, tmp, writeAttachment } from './helpers';

const chef = person('Åsa Ek-Ström');
const other = person('Bo Berg');

describe('inspect', () => {
  it('prints sender, recipients, counts, and that signature and hashes hold', async () => {
    const dir = tmp();
    // One event by a key the package does not carry: inspect cannot check it without a data folder.
    const events = [keyRegistered(chef, 1), event(chef, 'meeting.created', 2), event(chef, 'meeting.created', 3), event(other, 'vote.cast', 4)];
    const written = await writePackage({
      outDir: dir,
      identity: chef,
      forbund: { id: FORBUND, name: FORBUND_NAME },
      sender: { person: chef.person, name: chef.name },
      recipients: [{ person: other.person, name: other.name }],
      kind: 'changes',
      eventLines: events.map((e) => e.text),
      attachments: [writeAttachment(join(dir, 'src'), fakePdf('bilaga', 1_500_000))],
      acks: {},
      now: new Date('2026-03-14T09:30:00Z'),
    });
    const { ok, lines } = await inspectPackage(written.path);
    expect(ok).toBe(true);
    expect(lines).toContain(`Samordningsförbund: ${FORBUND_NAME} (${FORBUND})`);
    expect(lines).toContain(`Avsändare: ${chef.name} (${chef.deviceName})`);
    expect(lines).toContain(`Avsändarens nyckel: ${shortCode(chef.fingerprint)} – jämför koden med avsändaren per telefon`);
    expect(lines).toContain('Mottagare: Bo Berg');
    expect(lines).toContain('Händelser: 3');
    expect(lines).toContain('  meeting.created: 2');
    expect(lines).toContain('Bilagor: 1 (1,5 MB)');
    expect(lines.some((l) => l.startsWith('Händelser vars signatur kräver en nyckel som inte finns i paketet: 1'))).toBe(true);
    expect(lines.slice(-2)).toEqual(['Signatur: giltig', 'Kontrollsummor: stämmer']);

    const known = await inspectPackage(written.path, { trustedKeys: (fp) => (fp === chef.fingerprint ? chef.publicKeyPem : null) });
    expect(known.lines).toContain(`Avsändarens nyckel: ${shortCode(chef.fingerprint)} (känd)`);
  });

  it('prints the reason when the package is refused', async () => {
    const path = join(tmp(), 'inte-ett-paket.sbpaket');
    writeFileSync(path, 'hej');
    const { ok, lines } = await inspectPackage(path);
    expect(ok).toBe(false);
    expect(lines[0]).toBe('Paketet avvisas.');
    expect(lines[1]).toMatch(/inte en ZIP-fil/);
  });
});
