// AddPermission and RemovePermission edit the queue's Policy document, one statement per label.
import { invalidValue, type AwsError } from '../../../protocols/errors.js';
import { sqsError } from '../errors.js';

export const PERMISSION_ACTIONS = new Set([
  '*',
  'SendMessage',
  'ReceiveMessage',
  'DeleteMessage',
  'ChangeMessageVisibility',
  'GetQueueAttributes',
  'GetQueueUrl',
  'ListDeadLetterSourceQueues',
  'PurgeQueue',
  'ListQueueTags',
]);
const MAX_ACTIONS = 7;
const LABEL = /^[A-Za-z0-9_-]{1,80}$/;

interface Statement {
  Sid: string;
  Effect: string;
  Principal: { AWS: string | string[] };
  Action: string | string[];
  Resource: string;
}
interface PolicyDocument {
  Version: string;
  Id: string;
  Statement: Statement[];
}

function parsePolicy(text: string | undefined, queueArn: string): PolicyDocument {
  if (text) {
    const doc = JSON.parse(text) as Partial<PolicyDocument>;
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    return { Version: doc.Version ?? '2012-10-17', Id: doc.Id ?? `${queueArn}/SQSDefaultPolicy`, Statement: statements };
  }
  return { Version: '2012-10-17', Id: `${queueArn}/SQSDefaultPolicy`, Statement: [] };
}

const one = <T>(items: T[]): T | T[] => (items.length === 1 ? items[0]! : items);

export function addPermission(
  policy: string | undefined,
  queueArn: string,
  label: string,
  accounts: string[],
  actions: string[],
): string | AwsError {
  if (!LABEL.test(label)) return invalidValue('Label', label, 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length.');
  if (accounts.length === 0) return sqsError('MissingParameter', 'The request must contain the parameter AWSAccountIds.');
  if (actions.length === 0) return sqsError('MissingParameter', 'The request must contain the parameter Actions.');
  if (actions.length > MAX_ACTIONS) return sqsError('OverLimit', `${actions.length} Actions were found, maximum allowed is ${MAX_ACTIONS}.`);
  for (const a of actions) {
    if (!PERMISSION_ACTIONS.has(a)) return invalidValue('ActionName', a, 'Please refer to the appropriate WSDL for a list of valid actions.');
  }
  const doc = parsePolicy(policy, queueArn);
  if (doc.Statement.some((s) => s.Sid === label)) return invalidValue('Label', label, 'Already exists.');
  doc.Statement.push({
    Sid: label,
    Effect: 'Allow',
    Principal: { AWS: one(accounts.map((a) => `arn:aws:iam::${a}:root`)) },
    Action: one(actions.map((a) => `SQS:${a}`)),
    Resource: queueArn,
  });
  return JSON.stringify(doc);
}

/** Returns the new policy, or null when no statement is left. */
export function removePermission(policy: string | undefined, queueArn: string, label: string): string | null | AwsError {
  const doc = parsePolicy(policy, queueArn);
  const kept = doc.Statement.filter((s) => s.Sid !== label);
  if (kept.length === doc.Statement.length) return invalidValue('Label', label, "can't find label.");
  if (kept.length === 0) return null;
  return JSON.stringify({ ...doc, Statement: kept });
}
