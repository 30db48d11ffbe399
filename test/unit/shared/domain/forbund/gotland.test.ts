import { describe, expect, it } from 'vitest';
import { checkBoard } from '../../../../../shared/domain/forbund/board-rules';
import { checkContributions } from '../../../../../shared/domain/forbund/contributions';
import type { BoardAssignment, Organisation, Person } from '../../../../../shared/domain/forbund/model';

/** Region Gotland is a kommun with regional responsibility (lag 2010:630): it is both the region and the kommun of a förbund (FinsamL 3 §). */
const TERM = { from: '2023-01-01', to: '2026-12-31' };
const org = (id: string, name: string, kind: string, contributions: Record<string, number> = {}): Organisation => ({ id, name, kind: kind as Organisation['kind'], orgNr: null, contributions });
const seat = (role: BoardAssignment['role'], organisationId: string, callingOrder?: number): BoardAssignment => ({ role, organisationId, ...TERM, ...(callingOrder ? { callingOrder } : {}) });
const person = (id: string, o: string, a: BoardAssignment[]): Person => ({ id, name: id, email: `${id}@example.se`, organisationId: o, staffRole: null, assignments: a });

const GOTLAND = [
  org('fk', 'Försäkringskassan', 'socialInsuranceAgency', { '2026': 2_000_000 }),
  org('af', 'Arbetsförmedlingen', 'employmentService'),
  org('g', 'Region Gotland', 'municipalityWithRegionalResponsibility', { '2026': 2_000_000 }),
];

describe('Region Gotland (kommun med regionalt ansvar)', () => {
  it('satisfies both the region and the kommun requirement of the board check', () => {
    const persons = GOTLAND.flatMap((o) => [person(`${o.id}-l`, o.id, [seat(o.id === 'g' ? 'chair' : 'member', o.id)]), person(`${o.id}-e`, o.id, [seat('substitute', o.id, 1)])]);
    expect(checkBoard({ organisations: GOTLAND, persons }, '2026-03-14').map((f) => f.code)).toEqual([]);
  });

  it('pays the region’s and the kommun’s quarters together: half, and no warning for that', () => {
    expect(checkContributions(GOTLAND)).toEqual([]);
    const short = GOTLAND.map((o) => (o.id === 'g' ? { ...o, contributions: { '2026': 1_000_000 } } : o));
    expect(checkContributions(short).map((w) => w.message)).toContain(
      'Region Gotlands bidrag 2026 (kommun med regionalt ansvar, för både regionens och kommunens del): 1 000 000 kr, men ska vara hälften av förbundets totala bidrag 3 000 000 kr, alltså 1 500 000 kr.',
    );
  });
});
