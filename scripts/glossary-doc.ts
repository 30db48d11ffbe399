/**
 * Writes docs/glossary.md from the glossary in shared/domain/glossary.ts, so
 * the document and the code cannot disagree (test/unit/shared/domain/glossary.test.ts
 * fails when the file is stale). Run: npm run docs:glossary
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GLOSSARY } from '../shared/domain/glossary';

export function renderGlossary(): string {
  const rows = Object.entries(GLOSSARY)
    .sort(([a], [b]) => a.localeCompare(b, 'sv'))
    .map(([sv, { id, en }]) => `| ${sv} | \`${id}\` | ${en.replace(/\|/g, '\\|')} |`);
  return [
    '# Glossary',
    '',
    '<!-- Generated from shared/domain/glossary.ts by `npm run docs:glossary`; edit the table there. -->',
    '',
    'Every Swedish domain term and the identifier the code uses for it, as it is. A test checks that each identifier occurs in the code.',
    '',
    '**The rule the code follows.** The legal documents and acts of kommunallagen keep their Swedish stem: *protokoll*, *kallelse*, *justering*, *anslag*, *utdrag*, *jäv* (`jav`). They have no faithful English word, and they appear in signed payloads (`protokoll.attested`, `anslag.posted`, `jav.declared`). Generic ideas are English: meeting, decision, absence, stance, delegationOrder. An identifier inside a signed payload is never renamed, because old events must keep verifying; elsewhere one word is used for one idea (a justerare is an `adjuster` everywhere in code). UI text is Swedish.',
    '',
    '| Svenska | Identifier | Meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/glossary.md', import.meta.url), renderGlossary());
  console.log('docs/glossary.md skrevs.');
}
