// HTTP/S delivery retries as SNS schedules them: immediate retries, then retries at the minimum
// delay, then a backoff phase from minimum to maximum delay, then retries at the maximum delay.
export interface RetryPolicy {
  minDelayTarget: number;
  maxDelayTarget: number;
  numRetries: number;
  numNoDelayRetries: number;
  numMinDelayRetries: number;
  numMaxDelayRetries: number;
  backoffFunction: 'linear' | 'arithmetic' | 'geometric' | 'exponential';
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  minDelayTarget: 20,
  maxDelayTarget: 20,
  numRetries: 3,
  numMaxDelayRetries: 0,
  numNoDelayRetries: 0,
  numMinDelayRetries: 0,
  backoffFunction: 'linear',
};

export const DEFAULT_DELIVERY_POLICY = {
  http: {
    defaultHealthyRetryPolicy: DEFAULT_RETRY_POLICY,
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
  },
};

interface PolicyDocument {
  http?: { defaultHealthyRetryPolicy?: Partial<RetryPolicy>; disableSubscriptionOverrides?: boolean; defaultRequestPolicy?: { headerContentType?: string } };
  healthyRetryPolicy?: Partial<RetryPolicy>;
  requestPolicy?: { headerContentType?: string };
}

function parse(text: string | undefined): PolicyDocument | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as PolicyDocument;
  } catch {
    return undefined;
  }
}

/** The retry policy for one HTTP subscription: its own, unless the topic forbids overrides. */
export function retryPolicyFor(topicPolicy: string | undefined, subscriptionPolicy: string | undefined): RetryPolicy {
  const topic = parse(topicPolicy)?.http;
  const sub = parse(subscriptionPolicy);
  const base = { ...DEFAULT_RETRY_POLICY, ...(topic?.defaultHealthyRetryPolicy ?? {}) };
  if (topic?.disableSubscriptionOverrides) return base;
  return { ...base, ...(sub?.healthyRetryPolicy ?? {}) };
}

export function contentTypeFor(topicPolicy: string | undefined, subscriptionPolicy: string | undefined): string {
  return (
    parse(subscriptionPolicy)?.requestPolicy?.headerContentType ??
    parse(topicPolicy)?.http?.defaultRequestPolicy?.headerContentType ??
    'text/plain; charset=UTF-8'
  );
}

/** Seconds to wait before retry number `retry` (1-based); undefined when the policy is used up. */
export function retryDelaySeconds(p: RetryPolicy, retry: number): number | undefined {
  if (retry > p.numRetries) return undefined;
  if (retry <= p.numNoDelayRetries) return 0;
  if (retry <= p.numNoDelayRetries + p.numMinDelayRetries) return p.minDelayTarget;
  const backoffCount = p.numRetries - p.numNoDelayRetries - p.numMinDelayRetries - p.numMaxDelayRetries;
  const k = retry - p.numNoDelayRetries - p.numMinDelayRetries;
  if (k > backoffCount) return p.maxDelayTarget;
  if (backoffCount <= 1) return p.minDelayTarget;
  const t = (k - 1) / (backoffCount - 1);
  const span = p.maxDelayTarget - p.minDelayTarget;
  let f: number;
  switch (p.backoffFunction) {
    case 'arithmetic':
      f = t * t;
      break;
    case 'geometric':
      f = t * t * t;
      break;
    case 'exponential':
      f = (Math.pow(2, t * 10) - 1) / (Math.pow(2, 10) - 1);
      break;
    default:
      f = t;
  }
  return Math.round(p.minDelayTarget + span * f);
}
