// Long polling without a busy loop: a waiting ReceiveMessage sleeps until a send (or a
// visibility change) on its queue wakes it, until the next delayed or invisible message is due,
// or until its wait time ends. A generation counter per queue closes the gap between "found
// nothing" and "started waiting": a wake in between is not lost.
export class ReceiveWaiters {
  private readonly generations = new Map<number, number>();
  private readonly waiting = new Map<number, Set<() => void>>();

  generation(queueId: number): number {
    return this.generations.get(queueId) ?? 0;
  }

  /** Wakes everyone waiting on the queue; call after the change is durable. */
  wake(queueId: number): void {
    this.generations.set(queueId, this.generation(queueId) + 1);
    const set = this.waiting.get(queueId);
    if (!set) return;
    this.waiting.delete(queueId);
    for (const w of set) w();
  }

  /** Resolves when woken, after `timeoutMs`, or when `signal` aborts; at once if already woken since `seen`. */
  wait(queueId: number, seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.generation(queueId) !== seen || signal.aborted || timeoutMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let set = this.waiting.get(queueId);
      if (!set) {
        set = new Set();
        this.waiting.set(queueId, set);
      }
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiting.get(queueId)?.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  get size(): number {
    let n = 0;
    for (const s of this.waiting.values()) n += s.size;
    return n;
  }
}
