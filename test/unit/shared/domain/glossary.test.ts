import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../../../shared/domain/glossary';
import { renderGlossary } from '../../../../scripts/glossary-doc';

/** The source the app is made of, without comments (a word in a comment is not an identifier). */
function codeOf(dir: string): string {
  const parts: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) parts.push(codeOf(path));
    else if (/\.tsx?$/.test(name) && !path.endsWith('glossary.ts')) {
      parts.push(readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1'));
    }
  }
  return parts.join('\n');
}

describe('the glossary tells the truth (issue #16)', () => {
  const code = ['shared', 'electron', 'renderer'].map(codeOf).join('\n');

  it('every identifier it names occurs in the code, as a word or a camelCase part', () => {
    const missing = Object.entries(GLOSSARY)
      .filter(([, { id }]) => !new RegExp(`\\b${id}|${id[0]!.toUpperCase()}${id.slice(1)}`).test(code))
      .map(([sv, { id }]) => `${sv} → ${id}`);
    expect(missing).toEqual([]);
  });

  it('docs/glossary.md is generated from it (npm run docs:glossary)', () => {
    expect(readFileSync('docs/glossary.md', 'utf8')).toBe(renderGlossary());
  });
});
