// What every SQS operation handler is given besides its input.
import type { Clock } from '../../runtime/clock.js';
import type { SqsStore } from '../../storage/ports.js';
import type { ReceiveWaiters } from './long-poll.js';

export interface SqsRuntime {
  store: SqsStore;
  clock: Clock;
  waiters: ReceiveWaiters;
  /** Default account for unsigned requests. */
  defaultAccount: string;
}
