import { CATALOGUE, isEventType } from './catalogue';

/**
 * A refusal's reason as a person reads it. The fold records reasons as
 * "<what happened>: <why>" (e.g. "Delegationsbeslut registrerades: Beloppet
 * 50 001 kr är över beloppsgränsen …") so the log is self-explaining; on a
 * screen that already says what the change was, or in a refusal right after
 * the user's own action, the prefix only repeats it.
 */
export function plainReason(type: string, reason: string): string {
  if (!isEventType(type)) return reason;
  const prefix = `${CATALOGUE[type].label}: `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
}
