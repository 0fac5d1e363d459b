// What every SNS operation handler is given besides its input.
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../runtime/clock.js';
import type { SnsStore } from '../../storage/ports.js';
import type { SqsRuntime } from '../sqs/index.js';
import type { SnsCounters } from './metrics.js';

export interface SigningIdentity {
  /** Parsed once: signing with a parsed key is much cheaper than with PEM text. */
  privateKey: KeyObject;
  certificatePem: string;
  /** The file name the certificate is served under (SimpleNotificationService-<hash>.pem). */
  certificateFile: string;
}

export interface SnsRuntime {
  store: SnsStore;
  clock: Clock;
  /** Deliveries to SQS subscriptions and dead-letter queues go through SQS. */
  sqs: SqsRuntime;
  /** Created (or loaded) on first use: generating an RSA key would slow every start-up. */
  identity: () => SigningIdentity;
  /** Tells the HTTP delivery dispatcher that new work is due. */
  poke: () => void;
  counters: SnsCounters;
}
