import { z } from 'zod';
import type { FederationState, HistoryEntry, PendingChange } from '../domain/events';
import { Bytes, FileName } from './primitives';

/**
 * The contract for the förbund, identity, the event log and packages
 * (issue "The förbund, its people, and sync by signed packages").
 */
const Uuid = z.uuid();
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const DeviceInfo = z.object({
  fingerprint: Hex64,
  /** Four groups of four hex digits, read aloud to compare keys by phone. */
  shortCode: z.string(),
  deviceName: z.string(),
  /** The person this installation belongs to. */
  personId: Uuid,
});

/**
 * What the renderer shows: the state (with the owner's held changes counted
 * while the key waits; `held` and `refused` stay the real ones), those held
 * changes, and how many events the log has.
 */
export interface StateView {
  /**
   * `complete`: `state` is the whole state. Otherwise `state` holds only the
   * sections (top-level fields) that changed since the revision asked with,
   * and `items` the by-id sections that changed: their changed items and the
   * ids they now hold, in order. The rest is as the renderer holds it.
   */
  complete: boolean;
  state: FederationState;
  /** `ids`: only when the section's ids changed (an item added or removed); otherwise the renderer keeps its own. */
  items?: Record<string, { changed: Record<string, unknown>; ids?: string[] }>;
  pending: PendingChange[];
  eventCount: number;
  /** How many events here each key signed (what a revocation keeps). */
  eventsByKey: Record<string, number>;
}

export const Session = z.object({
  /** Null until the installation belongs to a person (set-up or an accepted invitation): the key is made then. */
  device: DeviceInfo.nullable(),
  forbund: z.object({ id: Uuid, name: z.string(), genesisId: Hex64 }).nullable(),
  /** True when this installation is the demo förbund ("Utforska ett demoförbund"). */
  demo: z.boolean().default(false),
  sync: z.object({
    /** Own events not yet in any exported package. */
    unsent: z.number().int().min(0),
    /** Own events that went out in a package but that no recipient has acknowledged yet (their next package says what they hold). */
    unconfirmed: z.number().int().min(0).default(0),
    lastImport: z.object({ at: z.string(), from: z.string() }).nullable(),
    lastExport: z.object({ at: z.string(), fileName: z.string() }).nullable(),
  }),
});
export type Session = z.infer<typeof Session>;

/** An event as the main side stores it: the exact signed line plus a local sequence number. */
export const StoredEvent = z.object({
  seq: z.number().int().positive(),
  id: Hex64,
  body: z.string(),
  sig: z.string(),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

export const Recipients = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('director') }).strict(),
  z.object({ mode: z.literal('board') }).strict(),
  z.object({ mode: z.literal('person'), personId: Uuid }).strict(),
  /** Named people, e.g. the chair and the justerare of a protokoll sent for justering. */
  z.object({ mode: z.literal('persons'), personIds: z.array(Uuid).min(1).max(50) }).strict(),
]);
export type Recipients = z.infer<typeof Recipients>;

/**
 * An exported package: the main side wrote it into its outgoing folder; the renderer gets its
 * name (to save it with `packages.save` or the browser host's download address), never its bytes.
 */
export const ExportedPackage = z.object({
  fileName: FileName,
  events: z.number().int().min(0),
  attachments: z.number().int().min(0),
  /** Format 2: recipients without an accepted device key here, who will not be able to open the package. */
  unreadableBy: z.array(z.string()).optional(),
});

/** The opaque id of a package file held on the main side for one preview. */
export const IncomingFileId = z.string().regex(/^[0-9a-f]{24}$/);
export const IncomingFile = z.object({ fileId: IncomingFileId, fileName: FileName });
/** A file opened outside the window: a package (held on the main side by id) or a protokoll PDF to check (its bytes). */
export const OpenedFile = z.discriminatedUnion('kind', [
  IncomingFile.extend({ kind: z.literal('package') }),
  z.object({ kind: z.literal('pdf'), fileName: FileName, bytes: Bytes }),
]);
export type OpenedFile = z.infer<typeof OpenedFile>;

export const PackagePreview = z.object({
  previewId: z.string().min(8),
  kind: z.enum(['invitation', 'changes']),
  fileName: z.string(),
  forbund: z.object({ id: Uuid, name: z.string() }),
  sender: z.object({
    personId: Uuid,
    name: z.string(),
    fingerprint: Hex64,
    shortCode: z.string(),
    /** Is the sender's key one this laptop already accepted? (false for a first invitation) */
    known: z.boolean(),
  }),
  createdAt: z.string(),
  signatureValid: z.literal(true),
  /** New events per kind, with a Swedish label. */
  newEvents: z.array(z.object({ type: z.string(), label: z.string(), count: z.number().int() })),
  newAttachments: z.number().int().min(0),
  alreadyKnown: z.number().int().min(0),
  refused: z.array(z.object({ label: z.string(), author: z.string(), reason: z.string() })),
  held: z.array(z.object({ label: z.string(), author: z.string(), shortCode: z.string() })),
  conflicts: z.array(z.string()),
  /** Whom the package is addressed to (the manifest's recipients); empty = the whole board. */
  recipients: z.array(z.object({ personId: Uuid, name: z.string() })),
  /** For an invitation: the person it was made for (only they can join with it); the roster then lists only them. */
  roster: z.array(z.object({ personId: Uuid, name: z.string(), description: z.string() })),
});
export type PackagePreview = z.infer<typeof PackagePreview>;

export const syncContract = {
  'session.get': { input: z.object({}).strict(), output: Session },
  'forbund.create': {
    input: z
      .object({
        name: z.string().trim().min(2).max(200),
        orgNr: z.string().trim().min(10).max(11),
        director: z.object({ name: z.string().trim().min(1).max(200), email: z.email() }).strict(),
        deviceName: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
    output: Session,
  },
  'demo.load': { input: z.object({}).strict(), output: Session },
  /** Leaves the demo: its files move to an archive folder inside the data folder; refused unless this installation is the demo. */
  'demo.leave': { input: z.object({}).strict(), output: Session },
  /**
   * The förbund as the main side's kept state says it is (issue #16: one fold,
   * one place). `since`: the revision the renderer holds; then `view` is null
   * when nothing changed. Histories other than keys' come by `state.history`.
   */
  'state.get': {
    input: z.object({ since: z.string().max(300).nullable() }).strict(),
    output: z.object({ revision: z.string(), view: z.custom<StateView>((v) => typeof v === 'object' && v !== null).nullable() }),
  },
  /** The audit trail of one item (organisation, person, meeting, the förbund…), oldest first. */
  'state.history': {
    input: z.object({ subjectId: z.string().min(1).max(200) }).strict(),
    output: z.object({ entries: z.custom<HistoryEntry[]>((v) => Array.isArray(v)) }),
  },
  'log.list': {
    input: z.object({ afterSeq: z.number().int().min(0) }).strict(),
    output: z.object({ events: z.array(StoredEvent), lastSeq: z.number().int().min(0) }),
  },
  'log.append': {
    input: z.object({ type: z.string().max(100), payload: z.record(z.string(), z.unknown()), prev: z.array(Hex64).max(64) }).strict(),
    output: StoredEvent,
  },
  'documents.share': {
    input: z
      .object({
        sha256: Hex64,
        title: z.string().trim().min(1).max(300),
        confidential: z.boolean(),
        oslReference: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: StoredEvent,
  },
  'packages.export': { input: z.object({ recipients: Recipients }).strict(), output: ExportedPackage },
  'invitations.export': { input: z.object({ personId: Uuid }).strict(), output: ExportedPackage },
  /**
   * Reads a package the main side holds as an incoming file (issue #16: by path, not by bytes): an
   * upload to the browser host (`POST /upload/package`), a file chosen with `packages.choose`, or one
   * opened outside the window (`packages.nextOpened`). The id is opaque and good for one preview.
   */
  'packages.preview': { input: z.object({ fileId: IncomingFileId }).strict(), output: PackagePreview },
  /** Electron: the main side's open dialog; the chosen file becomes an incoming file. The browser host uploads instead. */
  'packages.choose': { input: z.object({}).strict(), output: z.object({ file: IncomingFile.nullable() }) },
  /** Electron: saves an exported package (by the name the export gave) where the user chooses in the main side's save dialog. */
  'packages.save': { input: z.object({ fileName: FileName }).strict(), output: z.object({ saved: z.boolean() }) },
  /** How far the package work in progress has come (export, reading for a preview, import); null when idle. */
  'packages.progress': {
    input: z.object({}).strict(),
    output: z.object({
      progress: z
        .object({ phase: z.enum(['export', 'read', 'check', 'apply']), done: z.number().int().min(0), total: z.number().int().min(0) })
        .nullable(),
    }),
  },
  /** Long poll: the next package the user opened outside the window (double-click, menu), or null after a while. */
  'packages.nextOpened': {
    input: z.object({}).strict(),
    output: z.object({ file: OpenedFile.nullable() }),
  },
  'packages.apply': {
    input: z.object({ previewId: z.string().min(8).max(100), asPerson: Uuid.optional() }).strict(),
    output: z.object({ newEvents: z.number().int().min(0), newAttachments: z.number().int().min(0), session: Session }),
  },
  /** The preview is closed without importing: what was extracted for it is removed at once. */
  'packages.cancel': {
    input: z.object({ previewId: z.string().min(8).max(100) }).strict(),
    output: z.object({}).strict(),
  },
} as const;
