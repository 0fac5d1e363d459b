// The JSON documents SNS delivers to SQS (when not raw), HTTP/S and email-json endpoints, with
// AWS's keys in AWS's order, and signed as AWS signs them.
import type { KeyObject } from 'node:crypto';
import type { SnsMessageAttribute } from './message-attributes.js';
import { signMessage } from './signing.js';

export interface NotificationInput {
  messageId: string;
  topicArn: string;
  subject: string | undefined;
  message: string;
  timestamp: string;
  sequenceNumber: string | undefined;
  attributes: Record<string, SnsMessageAttribute>;
  unsubscribeUrl: string;
  fifo: boolean;
}

export interface Signer {
  privateKey: KeyObject;
  signingCertUrl: string;
  signatureVersion: '1' | '2';
}

export function timestampOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** The signature covers topic-level fields only, so one serves every subscription of a publish. */
export function signNotification(n: NotificationInput, signer: Signer): string {
  return signMessage(
    { Type: 'Notification', MessageId: n.messageId, TopicArn: n.topicArn, Subject: n.subject, Message: n.message, Timestamp: n.timestamp },
    signer.privateKey,
    signer.signatureVersion,
  );
}

/** A Notification envelope; FIFO topics send theirs unsigned, with a SequenceNumber. */
export function notificationEnvelope(n: NotificationInput, signer: Signer, signature = n.fifo ? '' : signNotification(n, signer)): Record<string, unknown> {
  const env: Record<string, unknown> = { Type: 'Notification', MessageId: n.messageId };
  if (n.sequenceNumber !== undefined) env.SequenceNumber = n.sequenceNumber;
  env.TopicArn = n.topicArn;
  if (n.subject !== undefined) env.Subject = n.subject;
  env.Message = n.message;
  env.Timestamp = n.timestamp;
  if (!n.fifo) {
    env.SignatureVersion = signer.signatureVersion;
    env.Signature = signature;
    env.SigningCertURL = signer.signingCertUrl;
  }
  env.UnsubscribeURL = n.unsubscribeUrl;
  if (Object.keys(n.attributes).length > 0) env.MessageAttributes = n.attributes;
  return env;
}

export interface ConfirmationInput {
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  messageId: string;
  topicArn: string;
  subscriptionArn: string;
  token: string;
  subscribeUrl: string;
  timestamp: string;
}

/** The subscription confirmation names the topic; the unsubscribe confirmation the subscription. */
export function confirmationMessageText(type: ConfirmationInput['type'], arn: string): string {
  return type === 'SubscriptionConfirmation'
    ? `You have chosen to subscribe to the topic ${arn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`
    : `You have chosen to deactivate subscription ${arn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`;
}

export function confirmationEnvelope(c: ConfirmationInput, signer: Signer): Record<string, unknown> {
  const message = confirmationMessageText(c.type, c.type === 'SubscriptionConfirmation' ? c.topicArn : c.subscriptionArn);
  const signature = signMessage(
    { Type: c.type, MessageId: c.messageId, Token: c.token, TopicArn: c.topicArn, Message: message, SubscribeURL: c.subscribeUrl, Timestamp: c.timestamp },
    signer.privateKey,
    signer.signatureVersion,
  );
  return {
    Type: c.type,
    MessageId: c.messageId,
    Token: c.token,
    TopicArn: c.topicArn,
    Message: message,
    SubscribeURL: c.subscribeUrl,
    Timestamp: c.timestamp,
    SignatureVersion: signer.signatureVersion,
    Signature: signature,
    SigningCertURL: signer.signingCertUrl,
  };
}
