import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_AUTHORITY } from '../../../../../shared/domain/applications/authority';
import { APPLICATION_EVENTS } from '../../../../../shared/domain/applications/events';
import { APPLICATION_REDUCERS } from '../../../../../shared/domain/applications/reducers';
import { DELEGATION_AUTHORITY } from '../../../../../shared/domain/delegations/authority';
import { DELEGATION_EVENTS } from '../../../../../shared/domain/delegations/events';
import { DELEGATION_REDUCERS } from '../../../../../shared/domain/delegations/reducers';
import { AUTHORITY } from '../../../../../shared/domain/events/authority';
import { CATALOGUE } from '../../../../../shared/domain/events/catalogue';
import { REDUCERS } from '../../../../../shared/domain/events/reducers';
import { FORBUND_AUTHORITY } from '../../../../../shared/domain/forbund/authority';
import { FORBUND_EVENTS } from '../../../../../shared/domain/forbund/events';
import { FORBUND_REDUCERS } from '../../../../../shared/domain/forbund/reducers';
import { MEETING_AUTHORITY } from '../../../../../shared/domain/meetings/authority';
import { MEETING_EVENTS } from '../../../../../shared/domain/meetings/events';
import { MEETING_REDUCERS } from '../../../../../shared/domain/meetings/reducers';
import { PKI_AUTHORITY } from '../../../../../shared/domain/pki/authority';
import { PKI_EVENTS } from '../../../../../shared/domain/pki/events';
import { PKI_REDUCERS } from '../../../../../shared/domain/pki/reducers';

const DOMAIN = 'shared/domain';
const FEATURES = {
  forbund: [FORBUND_EVENTS, FORBUND_AUTHORITY, FORBUND_REDUCERS],
  applications: [APPLICATION_EVENTS, APPLICATION_AUTHORITY, APPLICATION_REDUCERS],
  meetings: [MEETING_EVENTS, MEETING_AUTHORITY, MEETING_REDUCERS],
  delegations: [DELEGATION_EVENTS, DELEGATION_AUTHORITY, DELEGATION_REDUCERS],
  pki: [PKI_EVENTS, PKI_AUTHORITY, PKI_REDUCERS],
} as const;

const importsOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

describe('one shape per feature, composed by one registry (issue #16)', () => {
  it('every feature has its events, authority, reducers and state in files of the same names', () => {
    for (const feature of Object.keys(FEATURES)) {
      const files = readdirSync(join(DOMAIN, feature));
      expect(files, feature).toEqual(expect.arrayContaining(['events.ts', 'authority.ts', 'reducers.ts', 'state.ts']));
    }
  });

  it("each feature's rules and reducers cover exactly its own event types", () => {
    for (const [feature, [events, authority, reducers]] of Object.entries(FEATURES)) {
      const types = Object.keys(events).sort();
      expect(Object.keys(authority).sort(), feature).toEqual(types);
      expect(Object.keys(reducers).sort(), feature).toEqual(types);
    }
  });

  it('the registry is the union of the features, each type owned by one feature', () => {
    const owned = Object.values(FEATURES).flatMap(([events]) => Object.keys(events));
    expect(new Set(owned).size).toBe(owned.length);
    expect(Object.keys(CATALOGUE).sort()).toEqual([...owned].sort());
    expect(Object.keys(AUTHORITY).sort()).toEqual([...owned].sort());
    expect(Object.keys(REDUCERS).sort()).toEqual([...owned].sort());
  });

  it('the kernel imports no feature and nothing of the registry: only its own files, the signed event line and formats', () => {
    const kernel = join(DOMAIN, 'events', 'kernel');
    const outside = readdirSync(kernel)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => importsOf(join(kernel, f)).map((spec) => `${f} → ${spec}`))
      .filter((line) => {
        const spec = line.split(' → ')[1]!;
        return spec.startsWith('.') && !spec.startsWith('./') && !/^\.\.\/\.\.\/(log\/|format$)/.test(spec);
      });
    expect(outside).toEqual([]);
  });
});
