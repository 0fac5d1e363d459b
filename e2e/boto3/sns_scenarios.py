#!/usr/bin/python3
"""Drives Tributary's SNS (and the SQS queues it delivers to) with boto3 over the AWS query
protocol, for e2e/sns-cli.test.ts.

Usage: sns_scenarios.py <scenario> <endpoint-url>

Runs one scenario (many calls in one process, to spare Python start-up) and prints one JSON
document with what each step returned; the TypeScript test makes the assertions. Errors are
recorded as {code, message, status, type, exception} from botocore's ClientError, so the test can
assert AWS's codes, wording and HTTP status precisely.
"""
import hashlib
import json
import struct
import sys

import boto3

from harness import CONFIG, CREDENTIALS, call, error, plain

SCENARIO = sys.argv[1]
ENDPOINT = sys.argv[2]

sns = boto3.client('sns', endpoint_url=ENDPOINT, config=CONFIG, **CREDENTIALS)
sqs = boto3.client('sqs', endpoint_url=ENDPOINT, config=CONFIG, **CREDENTIALS)


# ------------------------------------------------------------------------------------------------
# Helpers


def md5_of_attributes(attributes):
    """AWS's MD5 of message attributes: sorted by name; name, type and value each length-prefixed
    (4 bytes, big-endian) with a transport byte (1 string, 2 binary) before the value."""
    h = hashlib.md5()

    def field(data):
        h.update(struct.pack('!I', len(data)))
        h.update(data)

    for name in sorted(attributes):
        a = attributes[name]
        field(name.encode('utf-8'))
        field(a['DataType'].encode('utf-8'))
        if 'BinaryValue' in a:
            h.update(b'\x02')
            field(bytes(a['BinaryValue']))
        else:
            h.update(b'\x01')
            field(a['StringValue'].encode('utf-8'))
    return h.hexdigest()


def new_queue(name, **kwargs):
    url = sqs.create_queue(QueueName=name, **kwargs)['QueueUrl']
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
    return url, arn


def receive_all(url, want):
    """Receives (and deletes) until `want` messages arrived, or a few polls came back empty."""
    got = []
    for _ in range(6):
        if len(got) >= want:
            break
        r = sqs.receive_message(
            QueueUrl=url,
            MaxNumberOfMessages=10,
            WaitTimeSeconds=1,
            MessageAttributeNames=['All'],
            AttributeNames=['All'],
        )
        for m in r.get('Messages', []):
            got.append(m)
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m['ReceiptHandle'])
    return plain(got)


def subscribe_queue(topic_arn, queue_arn, **kwargs):
    return sns.subscribe(
        TopicArn=topic_arn, Protocol='sqs', Endpoint=queue_arn, ReturnSubscriptionArn=True, **kwargs
    )['SubscriptionArn']


# ------------------------------------------------------------------------------------------------
# Scenarios


def scenario_fanout():
    """One topic, three queues: one gets the JSON envelope, one raw deliveries filtered on a message
    attribute, one raw deliveries filtered on the message body."""
    out = {}
    topic_arn = sns.create_topic(Name='py-fanout')['TopicArn']
    env_url, env_arn = new_queue('py-fanout-envelope')
    raw_url, raw_arn = new_queue('py-fanout-raw')
    body_url, body_arn = new_queue('py-fanout-body')

    env_sub = subscribe_queue(topic_arn, env_arn)
    raw_sub = subscribe_queue(topic_arn, raw_arn)
    sns.set_subscription_attributes(SubscriptionArn=raw_sub, AttributeName='RawMessageDelivery', AttributeValue='true')
    sns.set_subscription_attributes(
        SubscriptionArn=raw_sub, AttributeName='FilterPolicy', AttributeValue=json.dumps({'color': ['red'], 'size': [{'numeric': ['>', 2]}]})
    )
    body_sub = subscribe_queue(
        topic_arn,
        body_arn,
        Attributes={
            'RawMessageDelivery': 'true',
            'FilterPolicyScope': 'MessageBody',
            'FilterPolicy': json.dumps({'order': {'total': [{'numeric': ['>=', 100]}]}}),
        },
    )
    out['topic_arn'] = topic_arn
    out['subscriptions'] = {'envelope': env_sub, 'raw': raw_sub, 'body': body_sub}
    out['raw_sub_attributes'] = call(sns.get_subscription_attributes, SubscriptionArn=raw_sub)
    out['body_sub_attributes'] = call(sns.get_subscription_attributes, SubscriptionArn=body_sub)

    red = {
        'color': {'DataType': 'String', 'StringValue': 'red'},
        'size': {'DataType': 'Number', 'StringValue': '3'},
        'blob': {'DataType': 'Binary', 'BinaryValue': b'\x00\x01\xfe'},
    }
    blue = {'color': {'DataType': 'String', 'StringValue': 'blue'}, 'size': {'DataType': 'Number', 'StringValue': '3'}}
    out['expected_md5_red'] = md5_of_attributes(red)
    out['publish_red'] = call(sns.publish, TopicArn=topic_arn, Message='hello red', Subject='Greeting', MessageAttributes=red)
    out['publish_blue'] = call(sns.publish, TopicArn=topic_arn, Message='hello blue', MessageAttributes=blue)
    out['publish_order'] = call(sns.publish, TopicArn=topic_arn, Message=json.dumps({'order': {'total': 150, 'id': 'o-1'}}))
    out['publish_small_order'] = call(sns.publish, TopicArn=topic_arn, Message=json.dumps({'order': {'total': 5}}))
    out['publish_batch'] = call(
        sns.publish_batch,
        TopicArn=topic_arn,
        PublishBatchRequestEntries=[
            {'Id': 'b1', 'Message': 'batch one', 'MessageAttributes': {'color': {'DataType': 'String', 'StringValue': 'red'}, 'size': {'DataType': 'Number', 'StringValue': '10'}}},
            {'Id': 'b2', 'Message': 'batch two', 'Subject': 'Two'},
        ],
    )
    out['received'] = {
        'envelope': receive_all(env_url, 6),
        'raw': receive_all(raw_url, 2),
        'body': receive_all(body_url, 1),
    }
    return out


def scenario_crud():
    out = {}
    tags = [{'Key': 'team', 'Value': 'core'}, {'Key': 'env', 'Value': 'test'}]
    a = sns.create_topic(Name='py-crud-a', Attributes={'DisplayName': 'Crud A'}, Tags=tags)['TopicArn']
    out['created'] = {
        'a': a,
        'again': sns.create_topic(Name='py-crud-a', Attributes={'DisplayName': 'Crud A'}, Tags=tags)['TopicArn'],
        'b': sns.create_topic(Name='py-crud-b')['TopicArn'],
        'fifo': sns.create_topic(Name='py-crud.fifo', Attributes={'FifoTopic': 'true', 'ContentBasedDeduplication': 'true'})['TopicArn'],
    }
    out['list_topics'] = call(sns.list_topics)
    out['attributes'] = call(sns.get_topic_attributes, TopicArn=a)
    sns.set_topic_attributes(TopicArn=a, AttributeName='DisplayName', AttributeValue='Renamed')
    out['attributes_after_set'] = call(sns.get_topic_attributes, TopicArn=a)
    out['fifo_attributes'] = call(sns.get_topic_attributes, TopicArn=out['created']['fifo'])

    out['tags'] = call(sns.list_tags_for_resource, ResourceArn=a)
    sns.tag_resource(ResourceArn=a, Tags=[{'Key': 'env', 'Value': 'prod'}, {'Key': 'owner', 'Value': 'me'}])
    out['tags_after_tag'] = call(sns.list_tags_for_resource, ResourceArn=a)
    sns.untag_resource(ResourceArn=a, TagKeys=['team'])
    out['tags_after_untag'] = call(sns.list_tags_for_resource, ResourceArn=a)

    _, q1 = new_queue('py-crud-q1')
    _, q2 = new_queue('py-crud-q2')
    s1 = subscribe_queue(a, q1)
    s2 = subscribe_queue(a, q2)
    out['subscriptions'] = [s1, s2]
    out['by_topic'] = call(sns.list_subscriptions_by_topic, TopicArn=a)
    out['all_subscriptions'] = call(sns.list_subscriptions)
    out['unsubscribe'] = call(sns.unsubscribe, SubscriptionArn=s1)
    out['by_topic_after_unsubscribe'] = call(sns.list_subscriptions_by_topic, TopicArn=a)
    out['delete'] = call(sns.delete_topic, TopicArn=out['created']['b'])
    out['delete_again'] = call(sns.delete_topic, TopicArn=out['created']['b'])
    out['list_topics_after_delete'] = call(sns.list_topics)
    out['get_deleted'] = error(sns.get_topic_attributes, TopicArn=out['created']['b'])
    return out


def scenario_errors():
    topic_arn = sns.create_topic(Name='py-errors')['TopicArn']
    fifo_arn = sns.create_topic(Name='py-errors.fifo', Attributes={'FifoTopic': 'true'})['TopicArn']
    missing_topic = 'arn:aws:sns:us-east-1:000000000000:py-never-created'
    return {
        'get_missing_topic': error(sns.get_topic_attributes, TopicArn=missing_topic),
        'publish_missing_topic': error(sns.publish, TopicArn=missing_topic, Message='x'),
        'missing_subscription': error(
            sns.set_subscription_attributes,
            SubscriptionArn=topic_arn + ':0f7d5971-aa8b-4bd5-b585-0826e9f93a66',
            AttributeName='RawMessageDelivery',
            AttributeValue='true',
        ),
        'bad_topic_name': error(sns.create_topic, Name='bad name!'),
        'malformed_arn': error(sns.get_topic_attributes, TopicArn='not-an-arn'),
        'empty_message': error(sns.publish, TopicArn=topic_arn, Message=''),
        'no_group_id': error(sns.publish, TopicArn=fifo_arn, Message='x'),
        'bad_protocol': error(sns.subscribe, TopicArn=topic_arn, Protocol='carrier-pigeon', Endpoint='coop'),
        'bad_filter_policy': error(
            sns.subscribe,
            TopicArn=topic_arn,
            Protocol='sms',
            Endpoint='+15551234567',
            Attributes={'FilterPolicy': json.dumps({'key': [{'numeric': ['>', 3, '<', 1]}]})},
        ),
        'duplicate_batch_ids': error(
            sns.publish_batch,
            TopicArn=topic_arn,
            PublishBatchRequestEntries=[{'Id': 'a', 'Message': 'x'}, {'Id': 'a', 'Message': 'y'}],
        ),
        'too_many_batch_entries': error(
            sns.publish_batch,
            TopicArn=topic_arn,
            PublishBatchRequestEntries=[{'Id': f'e{i}', 'Message': 'x'} for i in range(11)],
        ),
    }


SCENARIOS = {
    'fanout': scenario_fanout,
    'crud': scenario_crud,
    'errors': scenario_errors,
}

if __name__ == '__main__':
    print(json.dumps(SCENARIOS[SCENARIO](), ensure_ascii=True))
