import type { FederationState } from '../events/state';
import { delegationDecisionLine } from '../delegations/selectors';
import { AGENDA_ITEM_KIND_LABEL, type AgendaItem, type AgendaItemKind } from './model';

/**
 * The usual föredragningslista (DOMAIN.md 4.2): formal opening items, one
 * beslutsärende per ansökan, the report of delegation decisions, information,
 * meddelanden, övriga frågor and the closing. Ids come from the caller (the
 * renderer makes UUIDs), so the function stays pure and deterministic.
 */

export interface AgendaApplication {
  applicationId: string;
  /** Insatsens namn. */
  name: string;
  dnr: string | null;
  proposal: string | null;
  summary?: string | null;
  documents?: string[];
  presenter?: string | null;
}

export interface StandardAgendaInput {
  /** Makes a new item id (a UUID) each call. */
  newId: () => string;
  applications?: readonly AgendaApplication[];
  delegationDecisionIds?: readonly string[];
  /** Föredragande for the information item (usually the förbundschef). */
  presenter?: string | null;
}

/** A new agenda item of a kind, titled as the kind (the form and standardAgenda both start from it). */
export const agendaItem = (id: string, kind: AgendaItemKind, over: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  kind,
  title: AGENDA_ITEM_KIND_LABEL[kind],
  dnr: null,
  summary: null,
  proposal: null,
  documents: [],
  presenter: null,
  applicationId: null,
  delegationDecisionIds: [],
  confidential: false,
  ...over,
});

export function standardAgenda(input: StandardAgendaInput): AgendaItem[] {
  const { newId } = input;
  return [
    agendaItem(newId(), 'opening'),
    agendaItem(newId(), 'agendaApproval', { proposal: 'Styrelsen beslutar att godkänna dagordningen.' }),
    agendaItem(newId(), 'adjusters'),
    agendaItem(newId(), 'javCall'),
    agendaItem(newId(), 'previousMinutes'),
    ...(input.applications ?? []).map((a) =>
      agendaItem(newId(), 'decision', {
        title: `Ansökan om medel: ${a.name}`,
        dnr: a.dnr,
        proposal: a.proposal,
        summary: a.summary ?? null,
        documents: a.documents ?? [],
        presenter: a.presenter ?? null,
        applicationId: a.applicationId,
      }),
    ),
    agendaItem(newId(), 'delegationReport', { delegationDecisionIds: [...(input.delegationDecisionIds ?? [])], proposal: 'Styrelsen beslutar att lägga redovisningen av delegationsbeslut till handlingarna.' }),
    agendaItem(newId(), 'information', { title: 'Förbundschefens information', presenter: input.presenter ?? null }),
    agendaItem(newId(), 'messages'),
    agendaItem(newId(), 'otherBusiness'),
    agendaItem(newId(), 'closing'),
  ];
}

/** The delegationsbeslut an "Anmälan av delegationsbeslut" item lists, one line each (empty for other items). */
export function delegationLines(state: FederationState, item: AgendaItem): string[] {
  if (item.kind !== 'delegationReport') return [];
  return item.delegationDecisionIds.map((id) => delegationDecisionLine(state, id)).filter((l): l is string => l !== null);
}
