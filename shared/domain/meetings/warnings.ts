import { delegationDecisionLine, pendingDelegationReports } from '../delegations/selectors';
import type { FederationState } from '../events/state';
import { reportedDelegationDecisionIds } from './selectors';
import { presentFromAttendance } from './serving';
import type { MeetingState } from './state';
import { justeringPlanWarning, meetingDayWarning } from './timing';

/**
 * Warnings on one sammanträde, in Swedish, for the meeting, minutes and
 * protokoll screens (warnings, not refusals: the board may have reasons the
 * app cannot see):
 * - the day is a weekend or holiday; the planned justering is before the
 *   meeting or more than 14 days after it (timing.ts);
 * - a delegationsbeslut that must be reported (KL 6 kap 40 §, the
 *   delegationsordning's anmälan) is not under this meeting's Anmälan av
 *   delegationsbeslut, nor reported in a justerat protokoll, nor listed on an
 *   earlier meeting;
 * - a jäv declared on an ansökan (jav.declared) is missing from the recorded
 *   § that decides it, for a person present there (KL 6 kap 25, 28 §§).
 */
export function meetingWarnings(state: FederationState, meetingId: string): string[] {
  const m = state.meetings[meetingId];
  if (!m) return [];
  const out: string[] = [];
  const day = meetingDayWarning(m.date);
  if (day) out.push(day);
  const justering = m.justering ? justeringPlanWarning(m.date, m.justering.date) : null;
  if (justering) out.push(justering);
  if (!m.locked) out.push(...missingDelegationReports(state, m));
  out.push(...missingDeclaredJav(state, m));
  return out;
}

function missingDelegationReports(state: FederationState, m: MeetingState): string[] {
  const listedHere = new Set(m.agenda.flatMap((i) => (i.kind === 'delegationReport' ? i.delegationDecisionIds : [])));
  const elsewhere = Object.values(state.meetings)
    .filter((o) => o.id !== m.id && o.date <= m.date)
    .flatMap((o) => o.agenda.flatMap((i) => (i.kind === 'delegationReport' ? i.delegationDecisionIds : [])));
  const covered = new Set([...reportedDelegationDecisionIds(state), ...elsewhere]);
  return pendingDelegationReports(state, m.date, covered)
    .filter((d) => !listedHere.has(d.id))
    .map((d) => `${(delegationDecisionLine(state, d.id) ?? `Delegationsbeslut ${d.date}`).split(', punkt ')[0]} ska anmälas men saknas under Anmälan av delegationsbeslut.`);
}

function missingDeclaredJav(state: FederationState, m: MeetingState): string[] {
  if (!m.attendance) return [];
  const out: string[] = [];
  m.agenda.forEach((item, index) => {
    const app = item.applicationId ? state.applications[item.applicationId] : undefined;
    const record = m.records[item.id];
    if (!app || !record) return;
    const name = app.versions[app.current - 1]?.name ?? item.title;
    for (const personId of Object.keys(app.javDeclarations).sort()) {
      if (!presentFromAttendance(m, personId, index) || record.jav.some((j) => j.personId === personId)) continue;
      out.push(`${state.persons[personId]?.name ?? 'En ledamot'} har anmält jäv på ansökan ”${name}” men står inte som jävig under punkten ”${item.title}”.`);
    }
  });
  return out;
}
