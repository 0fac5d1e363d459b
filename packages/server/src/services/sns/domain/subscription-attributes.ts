// Subscription attributes: which can be set, AWS's checks and wording for each.
import type { AwsError } from '../../../protocols/errors.js';
import { compileFilterPolicy, jacksonParseProblem, type FilterScope } from '../../../patterns/index.js';
import { invalidParameter } from '../errors.js';
import { sqsQueueArn } from './arn.js';

export const SETTABLE_SUBSCRIPTION_ATTRIBUTES = new Set([
  'DeliveryPolicy',
  'FilterPolicy',
  'FilterPolicyScope',
  'RawMessageDelivery',
  'RedrivePolicy',
  'SubscriptionRoleArn',
  'ReplayPolicy',
]);

export interface SubscriptionContext {
  /** Subscribe reports problems as "Attributes Reason: …", SetSubscriptionAttributes plainly. */
  operation: 'Subscribe' | 'SetSubscriptionAttributes';
  fifoTopic: boolean;
  protocol: string;
  endpoint: string;
}

function problem(ctx: SubscriptionContext, text: string): AwsError {
  return ctx.operation === 'Subscribe' ? invalidParameter('Attributes', text) : invalidParameter(text);
}

/** A JSON parse failure worded as AWS's (Jackson) parser reports it. */
export function jsonParseProblem(text: string): string | undefined {
  return jacksonParseProblem(text);
}

/**
 * Validates and normalises the given attributes against the subscription's current ones;
 * returns the full new attribute set.
 */
export function applySubscriptionAttributes(
  current: Record<string, string>,
  given: Record<string, string>,
  ctx: SubscriptionContext,
): Record<string, string> | AwsError {
  const next = { ...current };
  for (const [name, value] of Object.entries(given)) {
    if (!SETTABLE_SUBSCRIPTION_ATTRIBUTES.has(name)) {
      return ctx.operation === 'Subscribe' ? invalidParameter('Attributes', `Unknown attribute: ${name}`) : invalidParameter('AttributeName');
    }
    switch (name) {
      case 'RawMessageDelivery': {
        const lower = value.toLowerCase();
        if (lower !== 'true' && lower !== 'false') return problem(ctx, `RawMessageDelivery: Invalid value [${value}]. Must be true or false.`);
        next.RawMessageDelivery = lower;
        break;
      }
      case 'FilterPolicyScope':
        if (value !== 'MessageAttributes' && value !== 'MessageBody') {
          return problem(ctx, `FilterPolicyScope: Invalid value [${value}]. Please use either MessageBody or MessageAttributes`);
        }
        next.FilterPolicyScope = value;
        break;
      case 'FilterPolicy':
        if (value === '') {
          delete next.FilterPolicy;
          delete next.FilterPolicyScope;
        } else {
          next.FilterPolicy = value;
        }
        break;
      case 'RedrivePolicy': {
        if (value === '') {
          delete next.RedrivePolicy;
          break;
        }
        const parseProblem = jsonParseProblem(value);
        if (parseProblem) return problem(ctx, `RedrivePolicy: ${parseProblem}`);
        const policy = JSON.parse(value) as { deadLetterTargetArn?: unknown };
        const arn = typeof policy.deadLetterTargetArn === 'string' ? sqsQueueArn(policy.deadLetterTargetArn) : undefined;
        if (!arn) return problem(ctx, 'RedrivePolicy: deadLetterTargetArn is an invalid arn');
        if (ctx.fifoTopic && ctx.protocol === 'sqs' && ctx.endpoint.endsWith('.fifo') && !arn.name.endsWith('.fifo')) {
          return problem(ctx, 'RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.');
        }
        next.RedrivePolicy = value;
        break;
      }
      case 'DeliveryPolicy':
      case 'ReplayPolicy': {
        if (value === '') {
          delete next[name];
          break;
        }
        const parseProblem = jsonParseProblem(value);
        if (parseProblem) return problem(ctx, `${name}: ${parseProblem}`);
        next[name] = value;
        break;
      }
      default:
        if (value === '') delete next[name];
        else next[name] = value;
    }
  }
  if (next.FilterPolicy) {
    const scope = (next.FilterPolicyScope ?? 'MessageAttributes') as FilterScope;
    const compiled = compileFilterPolicy(next.FilterPolicy, scope);
    if (!compiled.ok) return problem(ctx, compiled.message);
    next.FilterPolicyScope = scope;
  }
  return next;
}
