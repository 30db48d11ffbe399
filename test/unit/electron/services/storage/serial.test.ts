// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../../../electron/services/storage/serial';
import { collectGarbage } from '../../../../../electron/services/runtime/collect-garbage';

/** Runs `task` through the queue in a frame of its own and returns only a weak reference to its result. */
async function resultOf(serial: ReturnType<typeof createSerialQueue>): Promise<WeakRef<object>> {
  const result = await serial(async () => ({ batch: new Array(1000).fill('händelse') }));
  return new WeakRef(result);
}

describe('the serial queue', () => {
  it('runs tasks one at a time, in order, a failure not stopping the next', async () => {
    const serial = createSerialQueue();
    const seen: string[] = [];
    const slow = serial(async () => {
      await new Promise((r) => setImmediate(r));
      seen.push('first');
    });
    const failing = serial(async () => {
      seen.push('second');
      throw new Error('nej');
    });
    const third = serial(async () => seen.push('third'));
    await slow;
    await expect(failing).rejects.toThrow('nej');
    await third;
    expect(seen).toEqual(['first', 'second', 'third']);
  });

  it('does not hold on to the last task’s result (the event store’s last batch: ten years after an invitation)', async () => {
    const serial = createSerialQueue();
    const ref = await resultOf(serial);
    await new Promise((r) => setImmediate(r));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
