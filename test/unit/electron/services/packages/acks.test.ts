import { describe, expect, it } from 'vitest';
import { computeAcks, planExport, type EventRef } from '../../../../../electron/services/packages/acks';
import { Acks } from '../../../../../electron/services/packages/format';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const ev = (key: string, lamport: number, attachments: string[] = []): EventRef => ({ id: `${key[0]}${lamport}`.padEnd(64, '0'), key, lamport, attachments });

describe('acknowledgements', () => {
  const all = [ev(A, 1), ev(A, 3, ['pdf1']), ev(B, 2), ev(A, 5), ev(B, 6, ['pdf2'])];

  it('summarise per key: highest clock, count, digest; and fit the manifest schema', () => {
    const acks = computeAcks(all);
    expect(acks[A]).toMatchObject({ lamport: 5, count: 3 });
    expect(acks[B]).toMatchObject({ lamport: 6, count: 2 });
    expect(Acks.safeParse(acks).success).toBe(true);
    expect(computeAcks([...all].reverse())).toEqual(acks); // order-independent
  });

  it('a recipient without acknowledgement gets everything', () => {
    expect(planExport(all, [null]).eventIds.size).toBe(5);
    expect(planExport(all, []).eventIds.size).toBe(5);
  });

  it('a recipient that has seen everything gets nothing, so later packages shrink', () => {
    const plan = planExport(all, [computeAcks(all)]);
    expect(plan.eventIds.size).toBe(0);
    expect(plan.attachments.size).toBe(0);
  });

  it('a recipient behind gets only the newer events and their attachments', () => {
    const theirs = computeAcks([ev(A, 1), ev(A, 3, ['pdf1']), ev(B, 2)]);
    const plan = planExport(all, [theirs]);
    expect([...plan.eventIds].sort()).toEqual([ev(A, 5).id, ev(B, 6).id].sort());
    expect([...plan.attachments]).toEqual(['pdf2']);
  });

  it('a recipient with a gap gets all of that key’s events again (the digest disagrees)', () => {
    const theirs = computeAcks([ev(A, 1), ev(A, 5), ev(B, 2), ev(B, 6)]); // missing A3
    const plan = planExport(all, [theirs]);
    expect([...plan.eventIds].sort()).toEqual([ev(A, 1).id, ev(A, 3).id, ev(A, 5).id].sort());
    expect([...plan.attachments]).toEqual(['pdf1']);
  });

  it('several recipients: the union of what each lacks', () => {
    const upToDate = computeAcks(all);
    const behind = computeAcks([ev(A, 1), ev(A, 3), ev(B, 2), ev(A, 5)]);
    expect([...planExport(all, [upToDate, behind]).eventIds]).toEqual([ev(B, 6).id]);
  });

  it('does not resend a file the recipient holds through another event', () => {
    const more = [...all, ev(A, 7, ['pdf1'])];
    const plan = planExport(more, [computeAcks(all)]);
    expect([...plan.eventIds]).toEqual([ev(A, 7).id]);
    expect(plan.attachments.size).toBe(0);
  });
});
