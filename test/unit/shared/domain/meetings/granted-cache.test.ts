import { describe, expect, it } from 'vitest';
import { emptyState, type FederationState } from '../../../../../shared/domain/events';
import { grantedPerYear } from '../../../../../shared/domain/meetings';

/**
 * The renderer holds the meetings section frozen and replaces it when a
 * meeting changes; what grantedPerYear works out from it (the granting
 * decisions, each version's sought amounts) is kept per section and version
 * object, and worked out again when either is replaced (issue #16).
 */
const meeting = (id: string, grants: { item: string; app: string; byYear?: Record<string, number> }[]) => ({
  id, date: '2026-03-10', startTime: '13:00', numberedFrom: 1, firstParagraph: null, drafts: [], lockedParagraphs: {},
  locked: { date: '2026-03-12', protokollHash: 'h' },
  agenda: grants.map((g) => ({ id: g.item, title: `Ärende ${g.item}`, kind: 'application', applicationId: g.app })),
  records: Object.fromEntries(grants.map((g) => [g.item, { decision: { outcome: 'grant', text: 'Bifall', amountKr: null, grantByYear: g.byYear ?? {} } }])),
});
const app = (id: string, sought: number) => ({ id, current: 1, versions: [{ budget: [{ id: 'l', year: '2027', category: 'personnel', description: '', fte: null, sought, coFinancing: [], statedTotal: null }] }] });
const frozen = (s: Record<string, unknown>): FederationState => {
  const state = { ...emptyState(), ...s } as unknown as FederationState;
  for (const k of ['meetings', 'delegationDecisions', 'delegationOrders'] as const) Object.freeze(state[k]);
  return state;
};

describe('grantedPerYear on the renderer’s frozen sections', () => {
  it('follows a new meetings section, a new version and the ansökan left out', () => {
    const apps = { a: app('a', 100), b: app('b', 50) };
    const one = frozen({ applications: apps, meetings: { m1: meeting('m1', [{ item: 'i1', app: 'a' }]) } });
    expect(grantedPerYear(one)).toEqual({ '2027': 100 });
    expect(grantedPerYear(one, 'a')).toEqual({});
    // A stance elsewhere: the same meetings section, a new applications section with the same version objects.
    const stance = frozen({ ...one, applications: { ...apps, b: { ...apps.b, stances: { x: {} } } }, meetings: one.meetings });
    expect(grantedPerYear(stance)).toEqual({ '2027': 100 });
    // A new version of a: its sought amount counts.
    const revised = frozen({ ...one, applications: { ...apps, a: app('a', 120) }, meetings: one.meetings });
    expect(grantedPerYear(revised)).toEqual({ '2027': 120 });
    // A grant of b with amounts per year, in a new meetings section.
    const two = frozen({ applications: apps, meetings: { m1: one.meetings['m1'], m2: meeting('m2', [{ item: 'i2', app: 'b', byYear: { '2027': 30, '2028': 20 } }]) } });
    expect(grantedPerYear(two)).toEqual({ '2027': 130, '2028': 20 });
  });
});
