import type { FederationState } from '../events/state';
import type { ItemRecord } from './model';
import { genitive } from './texts';

/**
 * Who raised a jäv and the board's ruling (KL 6 kap 28–32 §§; DOMAIN.md
 * 1.6). A jäv is declared by the person (no `raisedBy`) or raised by another
 * (`raisedBy`). When the person disputes it the board decides the question,
 * without the person concerned: ruled jävig (`disputed`, the person stays in
 * the jäv list and leaves the room), or ruled not jävig (`javDismissed`, the
 * person takes part). The protokoll states who raised it and the ruling.
 */

type JavFields = Pick<ItemRecord, 'jav' | 'javDismissed'>;
const nameOf = (state: FederationState, id: string): string => state.persons[id]?.name ?? 'okänd person';

/** Why the jäv questions of a record make no sense, or null. `present` tells whether a person is in the room for the item. */
export function javRulingProblem(state: FederationState, r: JavFields, present: (personId: string) => boolean): string | null {
  for (const j of r.jav) {
    if (j.raisedBy === j.personId) return `${nameOf(state, j.personId)} kan inte ha väckt frågan om sitt eget jäv; en egen anmälan anges utan ”väckt av”.`;
    if (j.disputed && !j.raisedBy) return `${nameOf(state, j.personId)} anmälde själv jäv; bara en jävsfråga som någon annan väckt kan vara bestridd. Ange vem som väckte frågan.`;
  }
  const dismissed = r.javDismissed ?? [];
  if (new Set(dismissed.map((d) => d.personId)).size !== dismissed.length) return 'Samma person står två gånger bland jävsfrågor som styrelsen avslog.';
  for (const d of dismissed) {
    if (r.jav.some((j) => j.personId === d.personId)) return `${nameOf(state, d.personId)} står både som jävig och som inte jävig i ärendet.`;
    if (d.raisedBy === d.personId) return `${nameOf(state, d.personId)} kan inte ha väckt frågan om sitt eget jäv; en egen anmälan anges utan ”väckt av”.`;
    if (!present(d.personId)) return `${nameOf(state, d.personId)} är inte närvarande i punkten; styrelsen prövar jäv bara för den som är med.`;
  }
  return null;
}

/** The protokoll's sentences on raised and disputed jäv, in the order recorded. */
export function javRulingSentences(state: FederationState, r: JavFields): string[] {
  const raised = (personId: string, by: string): string => `Frågan om jäv för ${nameOf(state, personId)} väcktes av ${nameOf(state, by)}.`;
  const ruling = (personId: string, jav: boolean): string =>
    `Styrelsen beslutade, utan ${genitive(nameOf(state, personId))} deltagande, att ${nameOf(state, personId)} ${jav ? 'är' : 'inte är'} jävig i ärendet.`;
  const out: string[] = [];
  for (const j of r.jav) {
    if (!j.raisedBy) continue;
    out.push(j.disputed ? `${raised(j.personId, j.raisedBy)} ${nameOf(state, j.personId)} bestred jävet. ${ruling(j.personId, true)}` : raised(j.personId, j.raisedBy));
  }
  for (const d of r.javDismissed ?? []) out.push(`${raised(d.personId, d.raisedBy)} ${ruling(d.personId, false)}`);
  return out;
}
