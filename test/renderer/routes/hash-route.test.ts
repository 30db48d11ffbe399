import { describe, expect, it } from 'vitest';
import { hashOf, parseHash } from '../../../renderer/src/routes/hash-route';
import { startOf } from '../../../renderer/src/routes/route';

const ID = '3f1c2a9e-7b5d-4c1e-9a0b-2d4e6f8a0b1c';
const SHA = 'a'.repeat(64);

describe('routes in the address (issue #15 item 15, #16 routes)', () => {
  it('names the section and the item open in it', () => {
    expect(hashOf({ section: 'applications', applicationId: ID })).toBe(`#/ansokningar/${ID}`);
    expect(hashOf({ section: 'meetings', meetingId: ID, mode: 'view' })).toBe(`#/sammantraden/${ID}`);
    // A form is not an address of its own: Back leaves it for the list.
    expect(hashOf({ section: 'meetings', meetingId: null, mode: 'new' })).toBe('#/sammantraden');
    expect(hashOf({ section: 'meetings', meetingId: ID, mode: 'edit' })).toBe('#/sammantraden');
    expect(hashOf(startOf('protokoll'))).toBe('#/protokoll');
    expect(hashOf({ section: 'documents', attachment: SHA })).toBe(`#/handlingar/${SHA}`);
    // The recipients an export starts with are not an address.
    expect(hashOf({ section: 'packages', recipients: { mode: 'board' } })).toBe('#/paket');
  });

  it('reads back what it wrote, and ignores anything else', () => {
    for (const r of [
      { section: 'applications', applicationId: ID },
      { section: 'meetings', meetingId: ID, mode: 'view' },
      { section: 'protokoll', meetingId: ID },
      { section: 'documents', attachment: SHA },
      startOf('overview'),
      startOf('packages'),
    ] as const) expect(parseHash(hashOf(r))).toEqual(r);
    expect(parseHash('#innehall')).toBeNull();
    expect(parseHash('#/okand')).toBeNull();
    // An id that is not one of ours is dropped rather than passed on.
    expect(parseHash('#/ansokningar/<script>')).toEqual({ section: 'applications', applicationId: null });
    // A section without items ignores one.
    expect(parseHash(`#/om/${ID}`)).toEqual({ section: 'about' });
  });
});
