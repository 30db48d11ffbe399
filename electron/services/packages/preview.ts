import type { VerifiedEvent } from '../../../shared/domain/log/signed-event';
import type { ReadPackage } from './read';

/** What the local store can answer; the event store on the main side implements it. */
export interface LocalKnowledge {
  hasEvent(id: string): boolean;
  hasAttachment(sha256: string): boolean;
  /** Ids of local events whose `prev` names this id (i.e. that supersede it). */
  supersededBy?(id: string): readonly string[];
}

export interface ImportPreview {
  sender: { name: string; device: string; fingerprint: string; known: boolean };
  newEvents: VerifiedEvent[];
  newEventsByType: Record<string, number>;
  alreadyKnownEvents: number;
  newAttachments: { sha256: string; size: number; path: string | null }[];
  newKeys: ReadPackage['newKeys'];
  /** New events that supersede a version a local event also supersedes: concurrent edits the user should see. */
  conflicts: { incoming: string; local: string; version: string }[];
}

/**
 * The preview shown before applying: only what is new here. A package that
 * was already imported yields no new events and no new attachments, which is
 * what makes a second import a no-op. (Everything that would be refused has
 * already been refused by readPackage: a package is accepted or not as a whole.)
 */
export function previewImport(read: ReadPackage, local: LocalKnowledge): ImportPreview {
  const newEvents = read.events.filter((e) => !local.hasEvent(e.id));
  const newEventsByType: Record<string, number> = {};
  for (const e of newEvents) newEventsByType[e.body.type] = (newEventsByType[e.body.type] ?? 0) + 1;
  const conflicts: ImportPreview['conflicts'] = [];
  if (local.supersededBy) {
    for (const e of newEvents) {
      for (const version of e.body.prev) {
        for (const other of local.supersededBy(version)) if (other !== e.id) conflicts.push({ incoming: e.id, local: other, version });
      }
    }
  }
  return {
    sender: { name: read.manifest.sender.name, device: read.manifest.sender.device, fingerprint: read.sender.fingerprint, known: read.sender.known },
    newEvents,
    newEventsByType,
    alreadyKnownEvents: read.events.length - newEvents.length,
    newAttachments: read.attachments.filter((a) => !local.hasAttachment(a.sha256)),
    newKeys: read.newKeys,
    conflicts,
  };
}
