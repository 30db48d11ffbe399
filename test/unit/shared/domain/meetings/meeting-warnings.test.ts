import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { agendaItem } from '../../../../../shared/domain/meetings/agenda';
import { meetingWarnings } from '../../../../../shared/domain/meetings/warnings';
import { ev, uuid } from '../../../../helpers/event-builder';
import { DIRECTOR, adopt, decision, record, setup } from '../delegations/fixtures';
import { APP_ID } from '../applications/fixtures';
import { EVERYONE_PRESENT, ITEM, MEETING, P, board } from './fixtures';

const M = uuid(0xe77);

describe('meeting warnings', () => {
  it('warns when a pending delegationsbeslut is missing from the Anmälan av delegationsbeslut (KL 6:40)', () => {
    const d1 = decision({ date: '2026-06-01', dnr: '2026:20' });
    const d2 = decision({ date: '2026-06-02', dnr: '2026:21' });
    const report = agendaItem(uuid(0xa77), 'delegationReport', { delegationDecisionIds: [d1.id as string] });
    const s = fold([
      ...setup(),
      adopt(20),
      record(21, d1),
      record(22, d2),
      ev(DIRECTOR, 'meeting.created', { id: M, date: '2026-06-23', startTime: '09:00', place: 'Kansliet', agenda: [report] }, 23, { at: '2026-06-15T10:00:00.000Z' }),
    ]);
    expect(s.refused).toEqual([]);
    expect(meetingWarnings(s, M)).toEqual([expect.stringMatching(/^Delegationsbeslut 2026-06-02, Dnr 2026:21, .* ska anmälas men saknas under Anmälan av delegationsbeslut\.$/)]);
  });

  it('warns on a holiday, on a justering more than 14 days later, and when a declared jäv is missing from the deciding §', () => {
    const s = board();
    s.add(P.fk, 'jav.declared', { applicationId: APP_ID, ground: 'delicacy', text: 'Jag sitter i insatsens styrgrupp.' });
    s.add(P.secretary, 'meeting.updated', { id: MEETING, date: '2026-04-06', justering: { date: '2026-04-30', place: 'Kansliet' } });
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' } });
    expect(meetingWarnings(s.state(), MEETING)).toEqual([
      '2026-04-06 är annandag påsk. Välj en vardag för sammanträdet om det inte finns särskilda skäl.',
      'Justeringen (2026-04-30) är planerad mer än 14 dagar efter sammanträdet; protokollet ska justeras senast 2026-04-20.',
      'Frida Fors har anmält jäv på ansökan ”Ungdomslots” men står inte som jävig under punkten ”Ansökan om medel: Ungdomslots”.',
    ]);
  });
});
