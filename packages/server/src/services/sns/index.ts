// SNS as the protocol layer sees it: the model and one handler per operation.
import { operation, type OperationHandler, type RequestContext, type Service } from '../../protocols/service.js';
import { addPermission } from './api/add-permission.js';
import { confirmSubscription } from './api/confirm-subscription.js';
import { createTopic } from './api/create-topic.js';
import { getDataProtectionPolicy, putDataProtectionPolicy } from './api/data-protection-policy.js';
import { deleteTopic } from './api/delete-topic.js';
import { getSubscriptionAttributes } from './api/get-subscription-attributes.js';
import { getTopicAttributes } from './api/get-topic-attributes.js';
import { listSubscriptions } from './api/list-subscriptions.js';
import { listSubscriptionsByTopic } from './api/list-subscriptions-by-topic.js';
import { listTagsForResource } from './api/list-tags-for-resource.js';
import { listTopics } from './api/list-topics.js';
import { mobileOperations } from './api/mobile.js';
import { publish } from './api/publish.js';
import { publishBatch } from './api/publish-batch.js';
import { removePermission } from './api/remove-permission.js';
import { setSubscriptionAttributes } from './api/set-subscription-attributes.js';
import { setTopicAttributes } from './api/set-topic-attributes.js';
import { subscribe } from './api/subscribe.js';
import { tagResource } from './api/tag-resource.js';
import { unsubscribe } from './api/unsubscribe.js';
import { untagResource } from './api/untag-resource.js';
import { snsDecodeOptions } from './decode.js';
import { snsModel } from './model.js';
import type { SnsRuntime } from './runtime.js';

export type { SnsRuntime, SigningIdentity } from './runtime.js';
export { snsModel } from './model.js';
export { SnsCounters } from './metrics.js';
export { DeliveryDispatcher } from './dispatcher.js';
export { renderSnsMetrics } from './prometheus.js';

type Handler<I, O> = (sns: SnsRuntime, input: I, ctx: RequestContext) => Promise<O>;

function bind<I, O>(sns: SnsRuntime, handler: Handler<I, O>): OperationHandler {
  return operation((input: I, ctx: RequestContext) => handler(sns, input, ctx));
}

export function createSnsService(sns: SnsRuntime): Service {
  return {
    id: 'sns',
    model: snsModel,
    queryErrorDetail: false,
    decode: snsDecodeOptions,
    operations: {
      CreateTopic: bind(sns, createTopic),
      DeleteTopic: bind(sns, deleteTopic),
      GetTopicAttributes: bind(sns, getTopicAttributes),
      SetTopicAttributes: bind(sns, setTopicAttributes),
      ListTopics: bind(sns, listTopics),
      Subscribe: bind(sns, subscribe),
      ConfirmSubscription: bind(sns, confirmSubscription),
      Unsubscribe: bind(sns, unsubscribe),
      GetSubscriptionAttributes: bind(sns, getSubscriptionAttributes),
      SetSubscriptionAttributes: bind(sns, setSubscriptionAttributes),
      ListSubscriptions: bind(sns, listSubscriptions),
      ListSubscriptionsByTopic: bind(sns, listSubscriptionsByTopic),
      Publish: bind(sns, publish),
      PublishBatch: bind(sns, publishBatch),
      AddPermission: bind(sns, addPermission),
      RemovePermission: bind(sns, removePermission),
      TagResource: bind(sns, tagResource),
      UntagResource: bind(sns, untagResource),
      ListTagsForResource: bind(sns, listTagsForResource),
      GetDataProtectionPolicy: bind(sns, getDataProtectionPolicy),
      PutDataProtectionPolicy: bind(sns, putDataProtectionPolicy),
      ...mobileOperations(sns),
    },
  };
}
