// Which endpoint each subscription protocol takes, with AWS's wording when it is wrong.
import type { AwsError } from '../../../protocols/errors.js';
import { invalidParameter, snsError } from '../errors.js';
import { sqsQueueArn } from './arn.js';

export const PROTOCOLS = new Set(['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose']);

/** Protocols whose subscriptions wait for the endpoint's owner to confirm. */
export const CONFIRMED_BY_ENDPOINT = new Set(['http', 'https', 'email', 'email-json']);

const E164 = /^\+?[1-9]\d{4,14}$/;

export function isPhoneNumber(endpoint: string): boolean {
  return E164.test(endpoint);
}

export function checkEndpoint(protocol: string, endpoint: string | undefined, fifoTopic: boolean): AwsError | undefined {
  if (!PROTOCOLS.has(protocol)) return invalidParameter(`Amazon SNS does not support this protocol string: ${protocol}`);
  if (endpoint === undefined || endpoint === '') return invalidParameter('Endpoint');
  switch (protocol) {
    case 'sqs': {
      const q = sqsQueueArn(endpoint);
      if (!q) return invalidParameter('SQS endpoint ARN');
      if (q.name.endsWith('.fifo') && !fifoTopic) {
        return invalidParameter('Invalid parameter: Endpoint', 'FIFO SQS Queues can not be subscribed to standard SNS topics');
      }
      return undefined;
    }
    case 'http':
    case 'https': {
      let url: URL;
      try {
        url = new URL(endpoint);
      } catch {
        return invalidParameter('Endpoint');
      }
      if (url.protocol !== `${protocol}:`) return invalidParameter('Endpoint', `Endpoint must match the specified protocol`);
      return undefined;
    }
    case 'email':
    case 'email-json':
      return /^[^@\s]+@[^@\s]+$/.test(endpoint) ? undefined : invalidParameter('Email address');
    case 'sms':
      return isPhoneNumber(endpoint) ? undefined : snsError('InvalidParameter', `Invalid SMS endpoint: ${endpoint}`);
    case 'lambda':
      return /^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/.test(endpoint) ? undefined : invalidParameter('Lambda endpoint ARN');
    case 'firehose':
      return /^arn:aws[\w-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/[A-Za-z0-9_.-]+$/.test(endpoint) ? undefined : invalidParameter('Firehose endpoint ARN');
    case 'application':
      return /^arn:aws[\w-]*:sns:[a-z0-9-]+:\d{12}:endpoint\/.+$/.test(endpoint) ? undefined : invalidParameter('Application endpoint ARN');
    default:
      return undefined;
  }
}
