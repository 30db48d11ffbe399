/** `1 händelse` / `12 händelser`: a count with the right Swedish form. */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "12 nya händelser, 2 bilagor" — what a package held. */
export const packageContents = (events: number, attachments: number, fresh = false): string =>
  `${count(events, fresh ? 'ny händelse' : 'händelse', fresh ? 'nya händelser' : 'händelser')}, ${count(attachments, 'bilaga', 'bilagor')}`;

/** Swedish genitive of a name: `Elin Bergs`, but `Lars` and `Max` stay as they are. */
export const genitive = (name: string): string => (/[sxz]$/i.test(name) ? name : `${name}s`);

/** What an imported event means to a person, counted: [one, many]. Kinds not named here count as "andra ändringar". */
const CHANGE_NOUNS: Record<string, readonly [string, string]> = {
  'stance.set': ['ställningstagande', 'ställningstaganden'],
  'question.asked': ['fråga', 'frågor'],
  'question.answered': ['svar på en fråga', 'svar på frågor'],
  'absence.reported': ['förhinder', 'förhinder'],
  'absence.withdrawn': ['återtaget förhinder', 'återtagna förhinder'],
  'jav.declared': ['jävsanmälan', 'jävsanmälningar'],
  'note.shared': ['delad anteckning', 'delade anteckningar'],
  'application.registered': ['ny ansökan', 'nya ansökningar'],
  'application.revised': ['ny version av en ansökan', 'nya versioner av ansökningar'],
  'document.shared': ['handling', 'handlingar'],
  'meeting.created': ['nytt sammanträde', 'nya sammanträden'],
  'meeting.called': ['kallelse', 'kallelser'],
  'protokoll.drafted': ['protokoll för justering', 'protokoll för justering'],
  'protokoll.attested': ['justering', 'justeringar'],
  'protokoll.returned': ['protokoll tillbakaskickat', 'protokoll tillbakaskickade'],
  'protokoll.commented': ['synpunkt på protokollet', 'synpunkter på protokollet'],
  'anslag.posted': ['anslag', 'anslag'],
  'key.registered': ['ny datornyckel att godkänna', 'nya datornycklar att godkänna'],
  'key.accepted': ['godkänd nyckel', 'godkända nycklar'],
  'person.added': ['ny person', 'nya personer'],
  'person.updated': ['ändrad person', 'ändrade personer'],
};

/**
 * "2 ställningstaganden, 1 fråga, 1 förhinder och 1 bilaga": what an
 * imported package changed, in the words of the screens, instead of a count
 * of events. Background kinds (certificates, the förbund's own set-up) are
 * summed as "andra ändringar"; nothing new says so.
 */
export function whatChanged(newEvents: readonly { type: string; count: number }[], attachments: number): string {
  const named = new Map<string, number>();
  let other = 0;
  for (const { type, count: n } of newEvents) {
    if (n <= 0) continue;
    if (CHANGE_NOUNS[type]) named.set(type, (named.get(type) ?? 0) + n);
    else other += n;
  }
  const parts = Object.keys(CHANGE_NOUNS)
    .filter((t) => named.has(t))
    .map((t) => count(named.get(t)!, ...CHANGE_NOUNS[t]!));
  if (other > 0) parts.push(count(other, 'annan ändring', 'andra ändringar'));
  if (attachments > 0) parts.push(count(attachments, 'bilaga', 'bilagor'));
  if (parts.length === 0) return 'Inget nytt: allt i paketet fanns redan här';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
}

/**
 * A device key's computer with its person, named once: "Anders Nyströms dator"
 * (the default name already says whose it is), else "Lena Åbergs dator
 * ”Kontoret”". Never "Anders Nyströms ändringar från Anders Nyströms dator".
 */
export function whoseDevice(person: string, deviceName: string): string {
  const name = person.trim();
  const device = deviceName.trim();
  if (name !== '' && device.toLocaleLowerCase('sv').includes(name.toLocaleLowerCase('sv'))) return device;
  return `${genitive(name || 'okänd person')} dator ”${device}”`;
}

/** The notice after a key is accepted. */
export const keyAcceptedNotice = (person: string, deviceName: string): string =>
  `Ändringar från ${whoseDevice(person, deviceName)} gäller nu. Skicka ett paket till styrelsen så att alla får veta.`;
