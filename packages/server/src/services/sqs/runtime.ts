// What every SQS operation handler is given besides its input.
import type { Clock } from '../../runtime/clock.js';
import type { SqsStore } from '../../storage/ports.js';
import type { InFlightLimit } from './in-flight.js';
import type { ReceiveWaiters } from './long-poll.js';
import type { SqsCounters } from './metrics.js';

export interface SqsRuntime {
  store: SqsStore;
  clock: Clock;
  waiters: ReceiveWaiters;
  /** Encrypts message payloads at rest (AES-256-GCM). */
  dataKey: Buffer;
  counters: SqsCounters;
  /** The quota on messages in flight per queue. */
  inFlight: InFlightLimit;
}
