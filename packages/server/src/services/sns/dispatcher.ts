// Delivers queued HTTP/S requests (notifications and confirmations) in the background, with the
// subscription's retry policy. Queued work is durable: what was due before a restart is sent
// after it. A 2xx answer completes a delivery; a client error (4xx other than 429) is final at
// once; anything else is retried until the policy is used up. Undeliverable notifications go to
// the subscription's dead-letter queue when it has one.
import { retryDelaySeconds, retryPolicyFor } from './domain/delivery-policy.js';
import { parseTopicArn } from './domain/arn.js';
import { redriveToDlq } from './publishing.js';
import type { SnsRuntime } from './runtime.js';
import type { DeliveryRecord } from '../../storage/ports.js';

const BATCH = 64;
const CONCURRENCY = 16;
const REQUEST_TIMEOUT_MS = 15_000;
const IDLE_RECHECK_MS = 60_000;

export class DeliveryDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = false;
  private readonly inFlight = new Set<AbortController>();

  constructor(
    private readonly sns: () => SnsRuntime,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    this.poke();
  }

  /** New work may be due now. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const c of this.inFlight) c.abort();
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, Math.max(0, Math.min(delay, IDLE_RECHECK_MS)));
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      const sns = this.sns();
      for (;;) {
        this.again = false;
        const due = await sns.store.dueDeliveries(sns.clock.now(), BATCH);
        for (let i = 0; i < due.length; i += CONCURRENCY) {
          await Promise.all(due.slice(i, i + CONCURRENCY).map((d) => this.attempt(d).catch(this.onError)));
        }
        if (due.length < BATCH && !this.again) break;
      }
      const next = await sns.store.nextDeliveryAt();
      this.schedule(next === undefined ? IDLE_RECHECK_MS : next - sns.clock.now());
    } catch (err) {
      this.onError(err);
      this.schedule(1000);
    } finally {
      this.running = false;
    }
  }

  private async post(d: DeliveryRecord): Promise<number | 'network'> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const res = await fetch(d.endpoint, { method: 'POST', headers: d.headers, body: d.body, signal: controller.signal, redirect: 'manual' });
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    } catch {
      return 'network';
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
  }

  private async attempt(d: DeliveryRecord): Promise<void> {
    const sns = this.sns();
    const status = await this.post(d);
    if (this.stopped) return;
    const notification = d.headers['x-amz-sns-message-type'] === 'Notification';
    if (typeof status === 'number' && status >= 200 && status < 300) {
      await sns.store.finishDelivery(d.id);
      if (notification) sns.counters.add(d.topicArn, 'delivered');
      return;
    }
    const clientError = typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
    const sub = await sns.store.getSubscription(d.subscriptionArn);
    let delay: number | undefined;
    if (!clientError && sub) {
      const topicKey = parseTopicArn(d.topicArn);
      const topic = 'code' in topicKey ? undefined : await sns.store.getTopic(topicKey.account, topicKey.region, topicKey.name);
      delay = retryDelaySeconds(retryPolicyFor(topic?.attributes.DeliveryPolicy, sub.attributes.DeliveryPolicy), d.attempts + 1);
    }
    if (delay !== undefined) {
      await sns.store.retryDelivery(d.id, d.attempts + 1, sns.clock.now() + delay * 1000);
      return;
    }
    await sns.store.finishDelivery(d.id);
    if (notification) {
      sns.counters.add(d.topicArn, 'failed');
      if (sub) await redriveToDlq(sns, sub, d.body, undefined);
    }
  }
}
