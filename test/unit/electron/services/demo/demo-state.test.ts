// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCalendar, endOfMonthAfter, firstOfNextMonth } from '../../../../../electron/services/demo/demo-calendar';
import { runDemoScenario } from '../../../../../electron/services/demo/scenario';
import { fold, type FederationState } from '../../../../../shared/domain/events';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import {
  applicationOutcome,
  applicationsOnAgenda,
  attestationStatus,
  applicationLedger,
  budgetLedger,
  earlierDecisions,
  forecastServing,
  meetingStatus,
  meetingsInOrder,
  nextMeeting,
  paragraphNumbers,
  reportedDelegationDecisionIds,
} from '../../../../../shared/domain/meetings';
import { formatAmount } from '../../../../../shared/domain/format';
import { extractPdfText } from '../../../../../electron/services/pdf/extract-text';
import { laptop, type Laptop } from '../../../../helpers/federation-fixture';

/** The text of a PDF, as the app's own search reads it (pdf.js). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await extractPdfText(bytes)).pages.join('\n');
}

/**
 * What "Utforska ett demoförbund" leaves on the förbundschef's installation
 * (the same scenario `cli demo` plays): the members' returns imported and
 * their keys accepted, the delegations, the held meeting's protokoll
 * justerat with its outcome and budget, and the next meeting called.
 */

async function stateOf(l: Laptop): Promise<FederationState> {
  const session = await l['session.get']({});
  const { events } = await l['log.list']({ afterSeq: 0 });
  const verified: VerifiedEvent[] = events.map((e) => ({ id: e.id, body: JSON.parse(e.body), line: { body: e.body, sig: e.sig } }));
  return fold(verified, { genesisId: session.forbund!.genesisId });
}

const cal = demoCalendar();
let state: FederationState;
let chairState: FederationState;
let directorLaptop: Laptop;
const personId = (name: string): string => Object.values(state.persons).find((p) => p.name === name)!.id;

describe('the demo förbund on the förbundschef’s installation', () => {
  beforeAll(async () => {
    const director = await laptop('demo-chef');
    directorLaptop = director;
    const members: Laptop[] = [];
    await runDemoScenario(director, async () => {
      const l = await laptop(`demo-ledamot-${members.length}`);
      members.push(l);
      return l;
    });
    state = await stateOf(director);
    chairState = await stateOf(members[0]!);
  }, 240_000);

  it('holds every event: nothing refused, nothing waiting, three keys accepted', () => {
    expect(state.refused).toEqual([]);
    expect(state.held).toEqual([]);
    expect(Object.values(state.keys).filter((k) => k.status === 'accepted')).toHaveLength(3);
  });

  it('has the delegationsordning and three delegationsbeslut, one reported at the held meeting and one waiting for the next', () => {
    const [order] = Object.values(state.delegationOrders);
    expect(order?.points.length).toBe(10);
    expect(order?.adoptedBy).toMatch(/^§ \d+\/\d{4}$/);
    const decisions = Object.values(state.delegationDecisions);
    expect(decisions).toHaveLength(3);
    expect(decisions.filter((d) => d.mustReport)).toHaveLength(2);
    const reported = reportedDelegationDecisionIds(state);
    expect(reported).toHaveLength(1);
    expect(state.delegationDecisions[reported[0]!]!.date < cal.held).toBe(true);
  });

  it('has the held meeting justerat by the chair and the justerare, § numbers running from the year’s earlier meetings', () => {
    const [held, next] = meetingsInOrder(state);
    expect(held!.date).toBe(cal.held);
    expect(meetingStatus(state, held!.id)).toBe('attested');
    expect(held!.locked?.date).toBe(cal.today);
    const signers = attestationStatus(state, held!.id).signers.map((s) => [s.name, s.role, s.attested]);
    expect(signers).toEqual([
      ['Lena Åberg', 'chair', true],
      ['Olle Ström', 'adjuster', true],
    ]);
    expect(Object.values(paragraphNumbers(state, held!))[0]).toBe(cal.firstParagraph);
    // The next meeting's §§ follow on when it is in the same year.
    if (next!.date.slice(0, 4) === held!.date.slice(0, 4)) expect(Object.values(paragraphNumbers(state, next!))[0]).toBe(cal.firstParagraph + held!.agenda.length);
    // The chair's laptop, which exports the signed protokoll, has it justerat too.
    expect(chairState.meetings[held!.id]?.locked).not.toBeNull();
    // The anslag is a recorded fact, posted the day of justering, on both laptops.
    expect(held!.anslag?.postedOn).toBe(cal.today);
    expect(chairState.meetings[held!.id]?.anslag?.postedOn).toBe(cal.today);
  });

  it('shows the förstudie granted, the budget ledger charged and the earlier decision beside the project application', () => {
    const apps = Object.values(state.applications);
    const study = apps.find((a) => a.versions[0]!.form === 'feasibilityStudy' && a.versions[0]!.name === 'Öppna vägar')!;
    const project = apps.find((a) => a.versions[0]!.form === 'project')!;
    const outcome = applicationOutcome(state, study.id);
    expect(outcome.status).toBe('granted');
    expect(outcome.amountKr).toBe(150_000);
    const from = firstOfNextMonth(cal.held);
    expect(outcome.period).toEqual({ from, to: endOfMonthAfter(from, 3) });
    expect(earlierDecisions(state, project.id).map((d) => d.applicationId)).toEqual([study.id]);
    // The board's 150 000 kr and the two grants by delegation under punkt 9 (45 000 and 30 000 kr).
    const ledger = budgetLedger(state);
    expect(ledger.reduce((sum, y) => sum + y.granted, 0)).toBe(225_000);
    expect(ledger.reduce((sum, y) => sum + y.delegated, 0)).toBe(75_000);
    expect(applicationOutcome(state, project.id).status).toBe('none');
  });

  it('has the next meeting called, with both current ansökningar, the waiting delegationsbeslut and Olle Ström’s förhinder', () => {
    const next = nextMeeting(state, cal.today)!;
    expect(next.date).toBe(cal.next);
    expect(meetingStatus(state, next.id)).toBe('called');
    expect(applicationsOnAgenda(state, next.id).map((a) => a.title)).toEqual(['Ansökan om medel: Öppna vägar', 'Ansökan om medel: Friskare tillsammans – förstudie']);
    const report = next.agenda.find((i) => i.kind === 'delegationReport')!;
    expect(report.delegationDecisionIds).toHaveLength(1);
    expect(report.delegationDecisionIds[0]).not.toBe(reportedDelegationDecisionIds(state)[0]);
    expect(Object.keys(next.absences)).toEqual([personId('Olle Ström')]);
    const serving = forecastServing(state, next)[0]!.deciding;
    expect(serving.find((d) => d.servesFor === personId('Olle Ström'))?.personId).toBe(personId('Sara Ekström'));
  });

  it('shows the same insats budget figures in the ansökan summary PDF as on the screen (one ledger)', async () => {
    const project = Object.values(state.applications).find((a) => a.versions[a.current - 1]!.name === 'Öppna vägar')!;
    const screen = applicationLedger(state, project.id);
    expect(screen.some((y) => y.granted > 0)).toBe(true);
    const { bytes } = await directorLaptop['applications.summaryPdf']({ applicationId: project.id });
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const y of screen) {
      const row = [y.year, y.budgetMissing ? null : formatAmount(y.budget), formatAmount(y.granted), formatAmount(y.sought), formatAmount(y.remaining)].filter(Boolean).join(' ');
      expect(text).toContain(row);
    }
  });
});
