// Test-only: a host started with NODE_OPTIONS="--import <this file>" and
// SB_E2E_CLOCK_FILE set reads "now" from that file (an ISO time) on every
// call, so a spec can move the laptops' clock between steps (justering one
// day, anslag recorded two days later). Without the variable it does nothing.
import { readFileSync } from 'node:fs';

const file = process.env.SB_E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  const now = () => {
    try {
      const t = RealDate.parse(readFileSync(file, 'utf8').trim());
      return Number.isNaN(t) ? RealDate.now() : t;
    } catch {
      return RealDate.now();
    }
  };
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, prop, receiver) => (prop === 'now' ? now : Reflect.get(target, prop, receiver)),
  });
}
