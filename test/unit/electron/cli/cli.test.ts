import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../../package.json' with { type: 'json' };

/** Runs the CLI exactly as documented: `npm run --silent cli -- …`. */
const cli = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { encoding: 'utf8' });

describe('cli', () => {
  it('help lists the commands and exits 0', () => {
    const r = cli('help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Användning: npm run --silent cli -- <kommando>');
    expect(r.stdout).toMatch(/^\s+version\s+Skriver ut programmets version\./m);
  });

  it('version prints the package version and exits 0', () => {
    const r = cli('version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`Styrelsebordet ${pkg.version}`);
  });

  it('exits 2 on a usage error, with a Swedish message on stderr', () => {
    const unknown = cli('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Okänt kommando: frobnicate');
    expect(cli('version', 'extra').status).toBe(2);
    expect(cli().status).toBe(2);
  });
});

describe('cli demo and inspect', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'sb-cli-')), 'demo');

  it('demo writes invitations, a board package with a multi-page PDF, two return packages, the package back to the chair and the signed protokoll', () => {
    const r = cli('demo', dir);
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.startsWith('inbjudan-'))).toHaveLength(10);
    expect(files.filter((f) => f.startsWith('retur-'))).toEqual(['retur-lena-aberg.sbpaket', 'retur-olle-strom.sbpaket']);
    expect(files).toContain('LÄSMIG.txt');
    expect(files.filter((f) => f.startsWith('till-ordforanden-'))).toEqual(['till-ordforanden-lena-aberg.sbpaket']);
    expect(files.filter((f) => f.includes('protokoll') && f.endsWith('.pdf'))).toHaveLength(1);
    // The laptops' data folders, marked as the demo (no PIN), and LÄSMIG says which is whose.
    for (const folder of ['forbundschefens-dator', 'dator-lena-aberg', 'dator-olle-strom']) {
      expect(JSON.parse(readFileSync(join(dir, folder, 'local.json'), 'utf8'))).toMatchObject({ demo: true });
      expect(readFileSync(join(dir, 'LÄSMIG.txt'), 'utf8')).toContain(`${folder}/`);
    }
    expect(r.stdout).toContain('forbundschefens-dator/');
    // A non-empty folder is refused rather than mixed into.
    expect(cli('demo', dir).status).toBe(1);
  }, 180_000); // the demo plays three laptops, a meeting and a signed export

  it('inspect shows sender, recipients and counts of a good package (exit 0)', () => {
    const board = readdirSync(dir).find((f) => f.startsWith('samordningsforbundet-') && f.endsWith('.sbpaket'))!;
    const r = cli('inspect', join(dir, board));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Avsändare: Birgitta Holmgren');
    expect(r.stdout).toContain('Mottagare: hela styrelsen');
    expect(r.stdout).toMatch(/Bilagor: 2 \(/); // the verksamhetsplan and the ansökan Öppna vägar
    // Format 2: encrypted to the board's devices, so inspect checks it without opening it.
    expect(r.stdout).toContain('paketformat 2');
    expect(r.stdout).toContain('Händelser: krypterade');
    expect(r.stdout).toContain('Signatur: giltig');
    expect(r.stdout).toContain('Kontrollsummor: stämmer');
    // An invitation (format 1, in clear) shows its events.
    const invitation = readdirSync(dir).find((f) => f.startsWith('inbjudan-') && f.endsWith('.sbpaket'))!;
    const i = cli('inspect', join(dir, invitation));
    expect(i.status, i.stderr).toBe(0);
    expect(i.stdout).toContain('application.registered: 3'); // the two to review and the förstudie decided at the held meeting
  }, 120_000);

  it('inspect names the reason a package is refused (exit 1)', () => {
    const good = readFileSync(join(dir, 'retur-lena-aberg.sbpaket'));
    const truncated = join(dir, 'avbruten.sbpaket');
    writeFileSync(truncated, good.subarray(0, good.length - 40));
    const r = cli('inspect', truncated);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Paketet kunde inte importeras: /);

    const text = join(dir, 'inte-ett-paket.sbpaket');
    writeFileSync(text, 'hej');
    expect(cli('inspect', text).status).toBe(1);
    expect(cli('inspect', join(dir, 'saknas.sbpaket')).status).toBe(1);
    expect(cli('inspect').status).toBe(2);
  }, 120_000); // four CLI runs; each starts tsx, slow on a loaded machine
});
