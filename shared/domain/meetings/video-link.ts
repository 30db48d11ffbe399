import { hasUnsafeCharacters } from '../safe-text';

/**
 * The link to the video meeting that the kallelse carries (issue #15 item 14).
 * It reaches every called person's laptop in a signed event and becomes a
 * clickable link in the kallelse PDF, so only a plain https address to a real
 * host is accepted: no http:, file:, javascript: or custom schemes that would
 * start a local program, no user name or password in the address, no spaces,
 * control or bidi characters that could make it look like another address.
 */

export const VIDEO_LINK_MAX = 500;

/** Why a video link is refused, in Swedish; null when it is a usable https address. */
export function videoLinkProblem(text: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  const example = 'till exempel https://möte.exempel.se/123';
  if (s.length > VIDEO_LINK_MAX) return `Länken till videomötet är för lång (högst ${VIDEO_LINK_MAX} tecken).`;
  if (/\s/.test(s) || hasUnsafeCharacters(s)) return 'Länken till videomötet får inte innehålla mellanslag eller osynliga tecken. Klistra in adressen igen.';
  if (!/^https:\/\//i.test(s)) return `Länken till videomötet ska börja med https://, ${example}.`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return `Länken till videomötet är inte en webbadress, ${example}.`;
  }
  if (u.protocol !== 'https:') return `Länken till videomötet ska börja med https://, ${example}.`;
  if (u.username !== '' || u.password !== '') return 'Länken till videomötet får inte innehålla användarnamn eller lösenord.';
  if (!u.hostname.includes('.') || u.hostname.startsWith('.') || u.hostname.endsWith('.')) return `Länken till videomötet saknar en riktig adress efter https://, ${example}.`;
  return null;
}
