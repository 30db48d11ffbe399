import { TIE_KIND_LABEL, type Tie, type TieInput, type TieKind } from '../../../../shared/domain/applications';
import { organisationName } from '../applications/application-rows';
import type { FederationState } from '../../../../shared/domain/events';
import { dateInputError } from '../../../../shared/domain/date-input';

/** A declared tie as the profile form holds it: strings until saved. `organisationId` '' + free text = another organisation. */
export interface TieDraft {
  key: string;
  kind: TieKind;
  organisationId: string;
  organisationName: string;
  description: string;
  /** Enhet, project or styrgrupp: what a jäv suggestion is matched on. */
  unit: string;
  from: string;
  to: string;
}

/** The organisation select's value for "not a member organisation". */
export const OTHER_ORGANISATION = 'other';

export const toTieDraft = (t: Tie, i: number): TieDraft => ({
  key: `t${i}`,
  kind: t.kind,
  organisationId: t.organisationId ?? (t.organisationName ? OTHER_ORGANISATION : ''),
  organisationName: t.organisationName ?? '',
  description: t.description ?? '',
  unit: t.unit ?? '',
  from: t.from ?? '',
  to: t.to ?? '',
});

export const emptyTieDraft = (key: string): TieDraft => ({ key, kind: 'employer', organisationId: '', organisationName: '', description: '', unit: '', from: '', to: '' });

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function fromTieDraft(d: TieDraft): TieInput {
  const member = d.organisationId !== '' && d.organisationId !== OTHER_ORGANISATION;
  return {
    kind: d.kind,
    organisationId: member ? d.organisationId : null,
    organisationName: member ? null : orNull(d.organisationName),
    description: orNull(d.description),
    unit: orNull(d.unit),
    from: orNull(d.from),
    to: orNull(d.to),
  };
}

export interface TieErrors {
  organisationId: string | null;
  organisationName: string | null;
  from: string | null;
  to: string | null;
}

const optionalDate = (v: string, what: string): string | null =>
  v.trim() === '' ? null : dateInputError(v, `datumet i ${what}`, '2024-01-01');

/** Swedish messages per field; every value null when the draft can be saved. */
export function tieErrors(d: TieDraft): TieErrors {
  const from = optionalDate(d.from, 'Från');
  const to = optionalDate(d.to, 'Till');
  return {
    organisationId: d.organisationId === '' ? 'Välj en förbundsmedlem eller Annan organisation.' : null,
    organisationName: d.organisationId === OTHER_ORGANISATION && d.organisationName.trim() === '' ? 'Skriv organisationens namn.' : null,
    from,
    to: to ?? (!from && d.from.trim() !== '' && d.to.trim() !== '' && d.to.trim() < d.from.trim() ? 'Till kan inte vara före Från.' : null),
  };
}

export const hasTieErrors = (e: TieErrors): boolean => Object.values(e).some((x) => x !== null);

/** "Anställd hos Skövde kommun (enhetschef), 2020-01-01 –" for the profile card. */
export function describeTie(state: FederationState, t: Tie): string {
  const org = t.organisationId ? organisationName(state, t.organisationId) : (t.organisationName ?? '');
  const period = t.from || t.to ? `, ${t.from ?? ''} – ${t.to ?? ''}`.trimEnd() : '';
  return `${TIE_KIND_LABEL[t.kind]} ${org}${t.unit ? `, ${t.unit}` : ''}${t.description ? ` (${t.description})` : ''}${period}`;
}
