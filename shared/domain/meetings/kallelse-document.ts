/**
 * The kallelse (notice of meeting) as a finished document: built from the
 * folded state by the meetings domain, rendered to PDF by the main side.
 * Texts are final Swedish wording, so the renderer needs no domain knowledge.
 */

export const KALLELSE_FORMAT = 'styrelsebordet-kallelse/1';

export interface KallelseItem {
  /** Running number in the föredragningslista (1, 2, …), not the protokoll's §. */
  number: number;
  title: string;
  dnr: string | null;
  /** Förslag till beslut, or null for information items. */
  proposal: string | null;
  /** Titles of the documents (handlingar) for the item. */
  documents: string[];
  /** Föredragande, e.g. "Dana Direktör, förbundschef". */
  presenter: string | null;
}

export interface KallelseRecipient {
  name: string;
  /** Swedish: "ordförande", "ledamot", "ersättare (1)". */
  role: string;
  organisation: string | null;
}

export interface KallelseDocument {
  format: typeof KALLELSE_FORMAT;
  forbund: { name: string; orgNr: string };
  /** "Styrelsen". */
  organ: string;
  meeting: {
    id: string;
    date: string;
    startTime: string;
    place: string;
    /** How to take part at a distance, or null when not offered. */
    distance: string | null;
    /** The https link to the video meeting, if any (absent in kallelser built before the field). */
    videoLink?: string | null;
    /** When and where the protokoll is to be justerat, if planned (DOMAIN 4.1: it stands in the kallelse). */
    justering?: { date: string; place: string } | null;
  };
  /** The day the kallelse is sent (YYYY-MM-DD). */
  sentOn: string;
  recipients: KallelseRecipient[];
  items: KallelseItem[];
  /** Swedish request to report förhinder so the right ersättare can be called in. */
  absenceNote: string;
  /** Who sends it. */
  sender: { name: string; role: string; email: string } | null;
}
