import { describe, expect, it } from 'vitest';
import { parseRoute, routeOf } from '../../renderer/src/routes/hash-route';

const ID = '3f1c2a9e-7b5d-4c1e-9a0b-2d4e6f8a0b1c';

describe('routes in the address (issue #15 item 15)', () => {
  it('names the section and the item open in it', () => {
    expect(routeOf({ section: 'applications', applicationOpen: ID, meeting: null, minutesMeetingId: null })).toBe(`#/ansokningar/${ID}`);
    expect(routeOf({ section: 'meetings', applicationOpen: null, meeting: { id: ID, mode: 'view' }, minutesMeetingId: null })).toBe(`#/sammantraden/${ID}`);
    // A form is not an address of its own: Back leaves it for the list.
    expect(routeOf({ section: 'meetings', applicationOpen: null, meeting: { id: null, mode: 'new' }, minutesMeetingId: null })).toBe('#/sammantraden');
    expect(routeOf({ section: 'protokoll', applicationOpen: ID, meeting: null, minutesMeetingId: null })).toBe('#/protokoll');
  });

  it('reads back what it wrote, and ignores anything else', () => {
    expect(parseRoute(`#/ansokningar/${ID}`)).toEqual({ section: 'applications', id: ID });
    expect(parseRoute('#/paket')).toEqual({ section: 'packages', id: null });
    expect(parseRoute('#innehall')).toBeNull();
    expect(parseRoute('#/okand')).toBeNull();
    // An id that is not one of ours is dropped rather than passed on.
    expect(parseRoute('#/ansokningar/<script>')).toEqual({ section: 'applications', id: null });
  });
});
