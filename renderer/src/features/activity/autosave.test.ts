import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from './autosave.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
  it('saves the newest text after a pause, and at least every 800 ms while typing goes on', async () => {
    const saved: string[] = [];
    const saver = new Autosaver<string>(async (s) => void saved.push(s), () => {}, 300, 800, () => Date.now());
    let text = '';
    // A key every 50 ms for 2 s: never a 300 ms pause.
    for (let i = 0; i < 40; i++) {
      text += 'a';
      saver.change(text);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(text.length - saved.at(-1)!.length).toBeLessThanOrEqual(20);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved.at(-1)).toBe(text);
  });

  it('retries a failed save with the newest text', async () => {
    let fail = true;
    const saved: string[] = [];
    const statuses: string[] = [];
    const saver = new Autosaver<string>(
      async (s) => {
        if (fail) throw new Error('locked');
        saved.push(s);
      },
      (s) => statuses.push(s),
    );
    saver.change('hei');
    await vi.advanceTimersByTimeAsync(400);
    expect(statuses).toContain('failed');
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['hei']);
  });
});
