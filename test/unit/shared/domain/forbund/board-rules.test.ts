import { describe, expect, it } from 'vitest';
import { callingOrder, checkBoard, membersOf } from '../../../../../shared/domain/forbund/board-rules';
import type { BoardAssignment, Organisation, Person, Roster } from '../../../../../shared/domain/forbund/model';

const DATE = '2026-03-14';
const TERM = { from: '2023-01-01', to: '2026-12-31' };

const org = (id: string, name: string, kind: Organisation['kind']): Organisation => ({ id, name, kind, orgNr: null, contributions: {} });
const person = (id: string, name: string, organisationId: string | null, assignments: BoardAssignment[]): Person => ({
  id,
  name,
  email: `${id}@example.se`,
  organisationId,
  staffRole: null,
  assignments,
});
const seat = (role: BoardAssignment['role'], organisationId: string, callingOrder?: number, term = TERM): BoardAssignment => ({
  role,
  organisationId,
  ...term,
  ...(callingOrder === undefined ? {} : { callingOrder }),
});

const ORGS = [org('fk', 'Försäkringskassan', 'socialInsuranceAgency'), org('af', 'Arbetsförmedlingen', 'employmentService'), org('r', 'Region Östergötland', 'region'), org('k', 'Linköpings kommun', 'municipality')];

/** One ledamot and one ersättare per organisation; the region's ledamot is chair. */
function validRoster(): { organisations: Organisation[]; persons: Person[] } {
  const persons: Person[] = [];
  for (const o of ORGS) {
    persons.push(person(`${o.id}-l`, `Ledamot ${o.name}`, o.id, [seat(o.id === 'r' ? 'chair' : 'member', o.id)]));
    persons.push(person(`${o.id}-e`, `Ersättare ${o.name}`, o.id, [seat('substitute', o.id, 1)]));
  }
  return { organisations: [...ORGS], persons };
}

const codes = (r: Roster, date = DATE) => checkBoard(r, date).map((f) => f.code);

describe('board rules', () => {
  it('finds nothing wrong with a complete board', () => {
    expect(checkBoard(validRoster(), DATE)).toEqual([]);
  });

  it('requires FK, AF, a region and a kommun', () => {
    const f = checkBoard({ organisations: [], persons: [] }, DATE);
    expect(f.map((x) => x.code)).toEqual(['missing-socialInsuranceAgency', 'missing-employmentService', 'missing-region', 'missing-municipality', 'no-chair']);
    expect(f[0]).toMatchObject({ level: 'error', message: 'Försäkringskassan saknas bland förbundsmedlemmarna.', subject: { kind: 'board' } });
  });

  it('requires at least one ledamot and as many ersättare per organisation', () => {
    const r = validRoster();
    r.persons = r.persons.filter((p) => p.id !== 'k-l' && p.id !== 'af-e');
    const f = checkBoard(r, DATE);
    expect(f.find((x) => x.code === 'no-member')).toMatchObject({ level: 'error', subject: { kind: 'organisation', id: 'k' }, message: 'Linköpings kommun har ingen ledamot 2026-03-14.' });
    expect(f.find((x) => x.code === 'too-few-substitutes')).toMatchObject({
      level: 'error',
      subject: { id: 'af' },
      message: 'Arbetsförmedlingen har 1 ledamot men 0 ersättare 2026-03-14; det ska finnas lika många ersättare som ledamöter.',
    });
    // The kommun has an ersättare but no ledamot: more ersättare than ledamöter is only a warning.
    expect(f.find((x) => x.code === 'more-substitutes-than-members')).toMatchObject({ level: 'warning', subject: { id: 'k' } });
  });

  it('counts a chair as a ledamot of their organisation, once', () => {
    const r = validRoster();
    const chair = r.persons.find((p) => p.id === 'r-l') as Person;
    chair.assignments.push(seat('member', 'r'));
    expect(membersOf(r, 'r', DATE).map((p) => p.id)).toEqual(['r-l']);
    expect(codes(r)).toEqual([]);
  });

  it('looks only at assignments in force on the date', () => {
    const r = validRoster();
    expect(codes(r, '2027-01-01')).toContain('no-member');
    expect(codes(r, '2026-12-31')).toEqual([]);
  });

  it('checks the calling order: 1..n, no gaps, no duplicates, none missing', () => {
    const gap = validRoster();
    gap.persons.push(person('k-l2', 'Andra ledamot', 'k', [seat('member', 'k')]), person('k-e2', 'Andra ersättare', 'k', [seat('substitute', 'k', 3)]));
    expect(checkBoard(gap, DATE).find((f) => f.code === 'calling-order-gap')?.message).toBe('Inkallelseordningen för Linköpings kommun 2026-03-14 ska vara 1–2 utan luckor; 2 saknas.');

    const dup = validRoster();
    dup.persons.push(person('k-l2', 'Andra ledamot', 'k', [seat('member', 'k')]), person('k-e2', 'Andra ersättare', 'k', [seat('substitute', 'k', 1)]));
    expect(codes(dup)).toEqual(['calling-order-duplicate']);

    const missing = validRoster();
    missing.persons.push(person('k-l2', 'Andra ledamot', 'k', [seat('member', 'k')]), person('k-e2', 'Andra ersättare', 'k', [seat('substitute', 'k')]));
    expect(checkBoard(missing, DATE).filter((f) => f.level === 'error')).toEqual([
      expect.objectContaining({ code: 'calling-order-missing', subject: { kind: 'person', id: 'k-e2' } }),
    ]);
  });

  it('gives the ersättare of an organisation in calling order', () => {
    const r = validRoster();
    r.persons.push(person('k-e3', 'Cecilia', 'k', [seat('substitute', 'k', 3)]), person('k-e2', 'Bertil', 'k', [seat('substitute', 'k', 2)]));
    r.persons.push(person('k-old', 'Gammal', 'k', [seat('substitute', 'k', 1, { from: '2019-01-01', to: '2022-12-31' })]));
    expect(callingOrder(r, 'k', DATE).map((s) => [s.person.id, s.assignment.callingOrder])).toEqual([
      ['k-e', 1],
      ['k-e2', 2],
      ['k-e3', 3],
    ]);
    expect(callingOrder(r, 'k', '2020-06-01').map((s) => s.person.id)).toEqual(['k-old']);
  });

  it('wants one ordförande', () => {
    const none = validRoster();
    (none.persons.find((p) => p.id === 'r-l') as Person).assignments = [seat('member', 'r')];
    expect(checkBoard(none, DATE)).toEqual([expect.objectContaining({ code: 'no-chair', level: 'warning' })]);

    const two = validRoster();
    (two.persons.find((p) => p.id === 'k-l') as Person).assignments = [seat('chair', 'k')];
    expect(checkBoard(two, DATE)).toEqual([expect.objectContaining({ code: 'several-chairs', level: 'error' })]);
  });

  it('checks terms and representation', () => {
    const r = validRoster();
    const p = r.persons.find((x) => x.id === 'k-e') as Person;
    p.assignments = [seat('substitute', 'k', 1), seat('member', 'r', undefined, { from: '2026-05-01', to: '2026-01-01' }), seat('member', 'k', undefined, { from: '2020-01-01', to: '2025-12-31' })];
    p.assignments.push({ ...seat('member', 'nope'), from: '2030-01-01', to: '2030-12-31' });
    const f = checkBoard(r, DATE);
    expect(f.find((x) => x.code === 'term-reversed')).toMatchObject({ level: 'error', subject: { kind: 'person', id: 'k-e' }, message: expect.stringContaining('slutar (2026-01-01) innan det börjar (2026-05-01)') });
    expect(f.find((x) => x.code === 'term-too-long')).toMatchObject({ level: 'warning' });
    expect(f.find((x) => x.code === 'unknown-organisation')).toMatchObject({ level: 'error' });
    expect(f.find((x) => x.code === 'represents-other-organisation')?.message).toBe('Ersättare Linköpings kommun företräder Linköpings kommun men är ledamot för Region Östergötland.');
  });

  it('warns about the same e-mail twice', () => {
    const r = validRoster();
    (r.persons[1] as Person).email = 'FK-L@example.se';
    expect(codes(r)).toEqual(['duplicate-email']);
  });
});
