import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

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
