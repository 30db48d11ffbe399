/** `1 händelse` / `12 händelser`: a count with the right Swedish form. */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "12 nya händelser, 2 bilagor" — what a package held. */
export const packageContents = (events: number, attachments: number, fresh = false): string =>
  `${count(events, fresh ? 'ny händelse' : 'händelse', fresh ? 'nya händelser' : 'händelser')}, ${count(attachments, 'bilaga', 'bilagor')}`;

/** Swedish genitive of a name: `Elin Bergs`, but `Lars` and `Max` stay as they are. */
export const genitive = (name: string): string => (/[sxz]$/i.test(name) ? name : `${name}s`);
