import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from '../log/canonical-json';

/**
 * The canonical protokoll: the one document the chair and the justerare
 * attest. It is plain JSON built from the folded state (build-protokoll.ts),
 * written into the signed PDF as an embedded file, and hashed as canonical
 * JSON: the attestation events sign that SHA-256. Everything the PDF shows
 * of the protokoll comes from this document, so `verify` can check the
 * visible text against it.
 *
 * Texts here are final Swedish wording (labels already resolved), so the PDF
 * renderer and the verifier need no domain knowledge to show them.
 */

export const PROTOKOLL_FORMAT = 'styrelsebordet-protokoll/1';

export interface ProtokollPerson {
  personId: string;
  name: string;
}

export interface AttendanceLine extends ProtokollPerson {
  /** The member organisation the person represents, or null (staff, guests). */
  organisation: string | null;
  /** Swedish: "ordförande", "ledamot", "tjänstgörande ersättare för Anna Berg", "förbundschef". */
  role: string;
  /** Swedish § range when attendance varies, e.g. "§ 28–33"; null for the whole meeting. */
  paragraphs: string | null;
  distance: boolean;
}

export interface ProtokollVote {
  /** Propositionsordning / what was put to the vote, Swedish. */
  proposition: string;
  votes: { personId: string; name: string; vote: 'ja' | 'nej' | 'avstar' }[];
  yes: number;
  no: number;
  abstain: number;
  /** Whether the chair's casting vote decided a tie. */
  castingVote: boolean;
  /** Swedish: "Styrelsen har med 5 ja-röster mot 3 nej-röster beslutat att …". */
  result: string;
  /** Sluten omröstning: `votes` is empty, only the count is known. Absent when open. */
  closed?: true;
  /** Lottning decided a tie. Absent otherwise. */
  byLot?: true;
}

export interface ProtokollParagraph {
  /** § number, running through the calendar year. */
  number: number;
  title: string;
  dnr: string | null;
  /** Ärendebeskrivning / sammanfattning. */
  summary: string | null;
  /** Beslutsunderlag: document titles. */
  basis: string[];
  /** Förslag till beslut. */
  proposal: string | null;
  /** Yrkanden: "Anna Berg yrkar bifall till förslaget." */
  motions: { personId: string; name: string; text: string }[];
  vote: ProtokollVote | null;
  decision: {
    /** bifall, bifallMedAndring, delvisBifall, avslag, aterremiss, bordlaggning, noteras. */
    outcome: string;
    /** Swedish label of the outcome. */
    outcomeLabel: string;
    /** "Styrelsen beslutar att …". */
    text: string;
    amountKr: number | null;
    period: { from: string; to: string } | null;
  };
  /** The standard sentence per person: "Per Ek (ledamot) anmäler jäv och deltar inte i handläggningen. Lisa Holm tjänstgör i hans ställe." */
  jav: { personId: string; name: string; text: string }[];
  reservations: { personId: string; name: string; text: string }[];
  /** Protokollsanteckningar; `permission` ("Ordföranden medgav protokollsanteckning.") when recorded. */
  notes: { personId: string; name: string; text: string; permission?: string }[];
  /** Those who took part in the decision (beslutande for this §). */
  participants: ProtokollPerson[];
  /** Justerad omedelbart at the meeting. */
  urgent: boolean;
  /** Expedieras till. */
  sendTo: string[];
  /**
   * True when the § rests on documents under sekretess: the public version of
   * the protokoll leaves out its summary and beslutsunderlag. Absent = public
   * (so documents built without it hash exactly as before).
   */
  confidential?: boolean;
  /** When the § was not quorate and the meeting continued anyway: the sentence stating it and why. Absent otherwise. */
  quorumNote?: string;
  /** Who raised a jäv and the board's ruling when it was disputed ("Frågan om jäv för NN väcktes av MM. …"). Absent when none. */
  javRulings?: string[];
  /** Who presided when neither the ordförande nor a vice ordförande took part (a temporary chair). Absent otherwise. */
  presidingNote?: string;
  /** "Beslutet fattades med kvalificerad majoritet 2/3: 6 av 8." when the förbundsordning requires one. Absent otherwise. */
  qualifiedNote?: string;
}

export interface ProtokollDocument {
  format: typeof PROTOKOLL_FORMAT;
  forbund: { id: string; name: string; orgNr: string };
  /** "Styrelsen". */
  organ: string;
  meeting: {
    id: string;
    date: string;
    startTime: string;
    endTime: string | null;
    place: string;
    distanceParticipation: boolean;
  };
  paragraphRange: { from: number; to: number };
  attendance: {
    deciding: AttendanceLine[];
    substitutesNotServing: AttendanceLine[];
    others: AttendanceLine[];
  };
  paragraphs: ProtokollParagraph[];
  signatories: {
    chair: ProtokollPerson;
    adjusters: ProtokollPerson[];
    secretary: ProtokollPerson | null;
  };
  justering: { date: string; place: string };
  /** Förvaringsplats för protokollet. */
  storage: string;
  /** The draft version this document was built from (1, 2, …): a sent-back draft is corrected into a new version. */
  version: number;
}

/** SHA-256 (hex) of the canonical JSON of a protokoll: what an attestation signs. */
export function protokollHash(doc: ProtokollDocument): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(doc))));
}

/** The exact bytes embedded in the PDF as protokoll.json (canonical JSON, UTF-8). */
export function protokollBytes(doc: ProtokollDocument): Uint8Array {
  return utf8ToBytes(canonicalJson(doc));
}
