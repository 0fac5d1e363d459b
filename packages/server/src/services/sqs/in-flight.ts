// SQS's quota on messages in flight (received, not yet deleted, still invisible): about 120,000
// per queue. At the quota a standard queue's ReceiveMessage fails with OverLimit and a FIFO
// queue's returns nothing, until deletes or expiring visibility bring the count down.
//
// Counting a queue's in-flight messages costs a scan of them, too much for every receive. So each
// queue keeps an upper bound: an exact count taken at some moment plus every message received
// since (deletes and expiring visibility only lower the true figure). Only when the bound reaches
// the quota is the queue counted again, at most once per RECOUNT_MS; the quota is approximate on
// AWS too.

const RECOUNT_MS = 1_000;

interface Bound {
  count: number;
  countedAt: number;
}

export class InFlightLimit {
  private readonly bounds = new Map<number, Bound>();

  /** `limit`: AWS's quota by default (a support request raises it there; the `sqs.inFlightLimit` setting here). */
  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`in-flight limit must be a positive integer, got ${limit}`);
  }

  /** Whether the queue has reached the quota; `count` gives the exact figure when one is needed. */
  async reached(queueId: number, now: number, count: () => Promise<number>): Promise<boolean> {
    let bound = this.bounds.get(queueId);
    if (!bound || (bound.count >= this.limit && now - bound.countedAt >= RECOUNT_MS)) {
      bound = { count: await count(), countedAt: now };
      this.bounds.set(queueId, bound);
    }
    return bound.count >= this.limit;
  }

  received(queueId: number, messages: number): void {
    const bound = this.bounds.get(queueId);
    if (bound) bound.count += messages;
  }

  /** After a purge or deletion of the queue nothing of it is in flight. */
  reset(queueId: number): void {
    this.bounds.delete(queueId);
  }
}
