import { describe, expect, it } from 'vitest';
import { describeRef, pointIssues } from '../../../../../shared/domain/delegations/rules';
import { DelegationPoint } from '../../../../../shared/domain/delegations/model';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { P, board } from '../meetings/fixtures';

/** FinsamL 10 §, KL 6 kap 37 §: a named delegate is a ledamot, an ersättare or an employee; a group only where the förbundsordning allows it. */
describe('group delegates', () => {
  const presidiet = { kind: 'group', name: 'Presidiet', members: [P.chair.id, P.fk.id] };
  const point = (delegate: unknown) =>
    DelegationPoint.parse({ number: 1, category: 'personnel', matter: 'Förbundschefens lön och villkor', delegate, mustReport: true });

  it('is refused unless the förbundsordning allows the group, then names its members', () => {
    const s = board();
    expect(pointIssues(s.state(), point(presidiet)).errors).toEqual([
      'Punkt 1: Gruppen ”Presidiet” får vara delegat bara om förbundsordningen eller reglementet tillåter det. Ange gruppen under Förbundet › Förbundsordningen, eller delegera till en namngiven person eller en roll.',
    ]);
    s.add(DIRECTOR, 'federation.ordning.set', { groupDelegates: ['presidiet'] });
    expect(pointIssues(s.state(), point(presidiet)).errors).toEqual([]);
    expect(describeRef(s.state(), point(presidiet).delegate)).toBe('Presidiet (Frida Fors, Olle Ordförande)');
  });

  it('has members who are ledamöter, ersättare or employees only', () => {
    const s = board();
    s.add(DIRECTOR, 'federation.ordning.set', { groupDelegates: ['Presidiet'] });
    s.add(DIRECTOR, 'person.added', { id: '00000000-0000-4000-8000-00000000abcd', name: 'Gustav Gäst', email: 'gustav@example.se' });
    const outsider = { ...presidiet, members: [P.chair.id, '00000000-0000-4000-8000-00000000abcd'] };
    expect(pointIssues(s.state(), point(outsider)).errors).toEqual([
      'Punkt 1: Delegaten (Gustav Gäst, i gruppen Presidiet) är varken ledamot, ersättare eller anställd i förbundet; bara de kan få delegation (10 § lagen om finansiell samordning).',
    ]);
  });
});
