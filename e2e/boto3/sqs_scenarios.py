#!/usr/bin/python3
"""Drives Tributary's SQS with boto3 over the AWS query protocol, for e2e/sqs-boto3.test.ts.

Usage: sqs_scenarios.py <scenario> <endpoint-url>

Runs one scenario (many calls in one process, to spare Python start-up) and prints one JSON
document with what each step returned; the TypeScript test makes the assertions. Errors are
recorded as {code, message, status, type, exception} from botocore's ClientError, so the test can
assert AWS's codes, wording and HTTP status precisely.

boto3 1.26 / botocore 1.29 do not verify SQS MD5s themselves, so the digests AWS defines are
computed here independently and reported next to the server's.
"""
import hashlib
import json
import struct
import sys
import threading
import time

import boto3

from harness import CONFIG, CREDENTIALS, call, error, plain

SCENARIO = sys.argv[1]
ENDPOINT = sys.argv[2]

sqs = boto3.client('sqs', endpoint_url=ENDPOINT, config=CONFIG, **CREDENTIALS)


# ------------------------------------------------------------------------------------------------
# Helpers


def md5_of_body(body):
    return hashlib.md5(body.encode('utf-8')).hexdigest()


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


def receive_all(url, want, **kwargs):
    """Receives until `want` messages arrived (or a few empty polls)."""
    got = []
    sizes = []
    for _ in range(5):
        if len(got) >= want:
            break
        r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1, **kwargs)
        batch = r.get('Messages', [])
        sizes.append(len(batch))
        got.extend(batch)
    return got, sizes


def counts(url):
    return sqs.get_queue_attributes(
        QueueUrl=url,
        AttributeNames=['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    )['Attributes']


def new_queue(name, **kwargs):
    return sqs.create_queue(QueueName=name, **kwargs)['QueueUrl']


# ------------------------------------------------------------------------------------------------
# Scenarios


def scenario_queues():
    out = {}
    attrs = {'VisibilityTimeout': '45', 'DelaySeconds': '0'}
    tags = {'env': 'test', 'team': 'core'}
    url = new_queue('py-main', Attributes=attrs, tags=tags)
    out['create'] = {
        'url': url,
        'again': new_queue('py-main', Attributes=attrs, tags=tags),
        'tags': call(sqs.list_queue_tags, QueueUrl=url),
        'conflict': error(sqs.create_queue, QueueName='py-main', Attributes={'VisibilityTimeout': '46'}),
    }
    out['get_url'] = call(sqs.get_queue_url, QueueName='py-main')

    for name in ('py-list-a', 'py-list-b', 'py-list-c', 'py-lisx'):
        new_queue(name)
    pages = sqs.get_paginator('list_queues').paginate(QueueNamePrefix='py-list-', PaginationConfig={'PageSize': 2})
    out['list'] = {
        'prefix': call(sqs.list_queues, QueueNamePrefix='py-list-'),
        'none': call(sqs.list_queues, QueueNamePrefix='no-such-prefix'),
        'first_page': call(sqs.list_queues, QueueNamePrefix='py-list-', MaxResults=2),
        'paginated': [p.get('QueueUrls', []) for p in pages],
    }

    out['attributes'] = {
        'all': call(sqs.get_queue_attributes, QueueUrl=url, AttributeNames=['All']),
        'one': call(sqs.get_queue_attributes, QueueUrl=url, AttributeNames=['MaximumMessageSize']),
        'two': call(sqs.get_queue_attributes, QueueUrl=url, AttributeNames=['SqsManagedSseEnabled', 'QueueArn']),
        'now': int(time.time()),
    }

    set_url = new_queue('py-set')
    sqs.set_queue_attributes(QueueUrl=set_url, Attributes={'MessageRetentionPeriod': '86400', 'MaximumMessageSize': '2048', 'ReceiveMessageWaitTimeSeconds': '2'})
    out['set'] = {
        'after': call(sqs.get_queue_attributes, QueueUrl=set_url, AttributeNames=['MessageRetentionPeriod', 'MaximumMessageSize', 'ReceiveMessageWaitTimeSeconds', 'VisibilityTimeout']),
        'out_of_range': error(sqs.set_queue_attributes, QueueUrl=set_url, Attributes={'MessageRetentionPeriod': '10'}),
        'unchanged': call(sqs.get_queue_attributes, QueueUrl=set_url, AttributeNames=['MessageRetentionPeriod']),
    }

    sqs.tag_queue(QueueUrl=url, Tags={'cost-centre': '42', 'env': 'prod'})
    after_tag = call(sqs.list_queue_tags, QueueUrl=url)
    sqs.untag_queue(QueueUrl=url, TagKeys=['team', 'not-there'])
    out['tags'] = {'after_tag': after_tag, 'after_untag': call(sqs.list_queue_tags, QueueUrl=url)}

    sqs.add_permission(QueueUrl=url, Label='AllowPartner', AWSAccountIds=['111122223333', '444455556666'], Actions=['SendMessage'])
    out['permissions'] = {
        'policy': call(sqs.get_queue_attributes, QueueUrl=url, AttributeNames=['Policy']),
        'duplicate': error(sqs.add_permission, QueueUrl=url, Label='AllowPartner', AWSAccountIds=['111122223333'], Actions=['ReceiveMessage']),
    }
    sqs.remove_permission(QueueUrl=url, Label='AllowPartner')
    out['permissions']['after_remove'] = call(sqs.get_queue_attributes, QueueUrl=url, AttributeNames=['Policy'])
    out['permissions']['remove_again'] = error(sqs.remove_permission, QueueUrl=url, Label='AllowPartner')

    doomed = new_queue('py-doomed')
    sqs.delete_queue(QueueUrl=doomed)
    out['delete'] = {
        'get_url': error(sqs.get_queue_url, QueueName='py-doomed'),
        'listed': call(sqs.list_queues, QueueNamePrefix='py-doomed'),
        'recreate': error(sqs.create_queue, QueueName='py-doomed'),
    }
    return out


def scenario_messages():
    out = {}
    body = 'line one\r\nline two\rlone CR\ttab ünïcödé 日本語 🎉 ]]> &amp; <tag a="1"/>'
    attributes = {
        'Colour': {'DataType': 'String', 'StringValue': 'grün ✓\r\nnext'},
        'Count': {'DataType': 'Number', 'StringValue': '42'},
        'Blob': {'DataType': 'Binary', 'BinaryValue': bytes([0, 1, 2, 250, 255])},
        'Ratio': {'DataType': 'Number.float', 'StringValue': '3.14159'},
        'Packed': {'DataType': 'Binary.gzip', 'BinaryValue': b'\x1f\x8b\x08\x00'},
        'app.trace': {'DataType': 'String', 'StringValue': 'abc'},
    }
    trace = {'AWSTraceHeader': {'DataType': 'String', 'StringValue': 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1'}}
    url = new_queue('py-msgs')
    before = int(time.time() * 1000)
    sent = sqs.send_message(QueueUrl=url, MessageBody=body, MessageAttributes=attributes, MessageSystemAttributes=trace)
    after = int(time.time() * 1000)
    out['send'] = {
        'response': plain(sent),
        'expected': {
            'MD5OfMessageBody': md5_of_body(body),
            'MD5OfMessageAttributes': md5_of_attributes(attributes),
            'MD5OfMessageSystemAttributes': md5_of_attributes(trace),
        },
        'before': before,
        'after': after,
    }
    r = sqs.receive_message(QueueUrl=url, AttributeNames=['All'], MessageAttributeNames=['All'], VisibilityTimeout=0)
    received = r.get('Messages', [])
    out['receive'] = {
        'messages': plain(received),
        'body_equal': bool(received) and received[0]['Body'] == body,
        'attributes_equal': bool(received) and received[0].get('MessageAttributes') == attributes,
        'expected_md5_of_received_attributes': md5_of_attributes(received[0]['MessageAttributes']) if received and 'MessageAttributes' in received[0] else None,
        'expected_body_md5': md5_of_body(received[0]['Body']) if received else None,
        'now': int(time.time() * 1000),
    }
    r = sqs.receive_message(QueueUrl=url, MessageAttributeNames=['app.*', 'Count'], AttributeNames=['ApproximateReceiveCount'])
    subset = {k: attributes[k] for k in ('app.trace', 'Count')}
    out['receive_selected'] = {'messages': plain(r.get('Messages', [])), 'expected_md5': md5_of_attributes(subset)}

    # A message larger than the queue's MaximumMessageSize is refused; one at the limit is not.
    small = new_queue('py-small', Attributes={'MaximumMessageSize': '1024'})
    out['size'] = {
        'too_big': error(sqs.send_message, QueueUrl=small, MessageBody='x' * 1025),
        'at_limit': call(sqs.send_message, QueueUrl=small, MessageBody='y' * 1024),
    }

    # The default limit, 1 MiB, counts UTF-8 bytes: 2-byte characters up to exactly 1 MiB pass.
    big_url = new_queue('py-big')
    big = '\u00e9' * (1048576 // 2)
    big_sent = sqs.send_message(QueueUrl=big_url, MessageBody=big)
    big_received = sqs.receive_message(QueueUrl=big_url).get('Messages', [])
    out['big'] = {
        'sent_md5_ok': big_sent['MD5OfMessageBody'] == md5_of_body(big),
        'received_equal': bool(big_received) and big_received[0]['Body'] == big,
        'received_md5_ok': bool(big_received) and big_received[0]['MD5OfBody'] == md5_of_body(big),
        'one_byte_more': error(sqs.send_message, QueueUrl=big_url, MessageBody=big + 'x'),
    }

    # A batch with one bad entry: the good ones are stored, the bad one reported.
    batch_url = new_queue('py-batch')
    number_attr = {'N': {'DataType': 'Number', 'StringValue': '-1.5e3'}}
    out['batch'] = {
        'response': call(sqs.send_message_batch, QueueUrl=batch_url, Entries=[
            {'Id': 'good-1', 'MessageBody': 'message 0'},
            {'Id': 'bad', 'MessageBody': 'too late', 'DelaySeconds': 901},
            {'Id': 'good-2', 'MessageBody': 'message 1', 'MessageAttributes': number_attr},
        ]),
        'expected_md5_body': md5_of_body('message 1'),
        'expected_md5_attributes': md5_of_attributes(number_attr),
        'counts': counts(batch_url),
    }

    # Ten messages: received up to ten at a time, deleted in a batch (plus one bad handle) and singly.
    sqs.send_message_batch(QueueUrl=batch_url, Entries=[{'Id': f'm{i}', 'MessageBody': f'message {i}'} for i in range(2, 10)])
    got, sizes = receive_all(batch_url, 10)
    last, rest = got[0], got[1:]
    deleted = sqs.delete_message_batch(QueueUrl=batch_url, Entries=[{'Id': f'd{i}', 'ReceiptHandle': m['ReceiptHandle']} for i, m in enumerate(rest)] + [{'Id': 'bogus', 'ReceiptHandle': 'not-a-receipt-handle'}])
    sqs.delete_message(QueueUrl=batch_url, ReceiptHandle=last['ReceiptHandle'])
    out['ten'] = {
        'sizes': sizes,
        'bodies': sorted(m['Body'] for m in got),
        'md5_ok': all(m['MD5OfBody'] == md5_of_body(m['Body']) for m in got),
        'delete_batch': plain(deleted),
        'delete_batch_expected_ids': sorted(f'd{i}' for i in range(len(rest))),
        'counts_after': counts(batch_url),
        'receive_after': call(sqs.receive_message, QueueUrl=batch_url),
        'delete_again': call(sqs.delete_message, QueueUrl=batch_url, ReceiptHandle=last['ReceiptHandle']),
    }

    # Visibility: a 600 s timeout hides messages; changing it to 0 makes them receivable at once.
    vis = new_queue('py-vis', Attributes={'VisibilityTimeout': '600'})
    sqs.send_message_batch(QueueUrl=vis, Entries=[{'Id': b, 'MessageBody': b} for b in ('A', 'B', 'C')])
    first, _ = receive_all(vis, 3, AttributeNames=['ApproximateReceiveCount'])
    by_body = {m['Body']: m for m in first}
    hidden = call(sqs.receive_message, QueueUrl=vis)
    sqs.change_message_visibility(QueueUrl=vis, ReceiptHandle=by_body['A']['ReceiptHandle'], VisibilityTimeout=0)
    after_single = call(sqs.receive_message, QueueUrl=vis, MaxNumberOfMessages=10, AttributeNames=['ApproximateReceiveCount'])
    batch_change = call(sqs.change_message_visibility_batch, QueueUrl=vis, Entries=[
        {'Id': 'b', 'ReceiptHandle': by_body['B']['ReceiptHandle'], 'VisibilityTimeout': 0},
        {'Id': 'c', 'ReceiptHandle': by_body['C']['ReceiptHandle'], 'VisibilityTimeout': 0},
        {'Id': 'bad', 'ReceiptHandle': 'garbage', 'VisibilityTimeout': 0},
    ])
    after_batch, _ = receive_all(vis, 2, AttributeNames=['ApproximateReceiveCount'])
    out['visibility'] = {
        'first': sorted([m['Body'], m['Attributes']['ApproximateReceiveCount']] for m in first),
        'hidden': hidden,
        'after_single': sorted([m['Body'], m['Attributes']['ApproximateReceiveCount']] for m in after_single.get('Messages', [])),
        'batch': batch_change,
        'after_batch': sorted([m['Body'], m['Attributes']['ApproximateReceiveCount']] for m in after_batch),
    }

    # Purge: everything goes, in flight or not; a second purge within 60 s is refused.
    sqs.send_message(QueueUrl=vis, MessageBody='D')
    sqs.purge_queue(QueueUrl=vis)
    out['purge'] = {'counts': counts(vis), 'again': error(sqs.purge_queue, QueueUrl=vis)}

    # Empty batches (boto3 sends "Entries=" for an empty list).
    out['empty_batch'] = {
        'send': error(sqs.send_message_batch, QueueUrl=batch_url, Entries=[]),
        'delete': error(sqs.delete_message_batch, QueueUrl=batch_url, Entries=[]),
    }
    return out


def scenario_redrive():
    dlq = new_queue('py-dlq')
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
    src = new_queue('py-src', Attributes={'RedrivePolicy': json.dumps({'deadLetterTargetArn': dlq_arn, 'maxReceiveCount': 1})})
    sqs.send_message(QueueUrl=src, MessageBody='poison')
    first = call(sqs.receive_message, QueueUrl=src, VisibilityTimeout=0, AttributeNames=['ApproximateReceiveCount'])
    second = call(sqs.receive_message, QueueUrl=src, VisibilityTimeout=0, WaitTimeSeconds=1)
    in_dlq = call(sqs.receive_message, QueueUrl=dlq, WaitTimeSeconds=1, AttributeNames=['All'])
    return {
        'dlq_arn': dlq_arn,
        'source_url': src,
        'sources': call(sqs.list_dead_letter_source_queues, QueueUrl=dlq),
        'first': first,
        'second': second,
        'in_dlq': in_dlq,
    }


def scenario_longpoll():
    out = {}
    url = new_queue('py-long')
    result = {}

    def poll():
        started = time.monotonic()
        r = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=10)
        result['elapsed'] = time.monotonic() - started
        result['bodies'] = [m['Body'] for m in r.get('Messages', [])]

    # Warm the connection pool so the poll's own request is not slowed by set-up.
    sqs.get_queue_url(QueueName='py-long')
    t0 = time.monotonic()
    worker = threading.Thread(target=poll)
    worker.start()
    time.sleep(0.3)
    sqs.send_message(QueueUrl=url, MessageBody='wake up')
    sent_at = time.monotonic() - t0
    worker.join(20)
    out['woken'] = {**result, 'sent_at': sent_at}

    started = time.monotonic()
    empty = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1)
    out['empty'] = {'elapsed': time.monotonic() - started, 'messages': len(empty.get('Messages', []))}

    # A delayed message wakes a long poll when it becomes due.
    sqs.send_message(QueueUrl=url, MessageBody='later', DelaySeconds=2)
    delayed_counts = counts(url)
    started = time.monotonic()
    r = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=10)
    out['delayed'] = {
        'counts': delayed_counts,
        'elapsed': time.monotonic() - started,
        'bodies': [m['Body'] for m in r.get('Messages', [])],
    }

    # The queue's ReceiveMessageWaitTimeSeconds applies when the request names no wait time.
    waiting = new_queue('py-waiting', Attributes={'ReceiveMessageWaitTimeSeconds': '1'})
    started = time.monotonic()
    sqs.receive_message(QueueUrl=waiting)
    out['queue_default_wait'] = {'elapsed': time.monotonic() - started}
    return out


def scenario_errors():
    url = new_queue('py-errors')
    missing = ENDPOINT + '/000000000000/py-never-created'
    return {
        'nonexistent_get_url': error(sqs.get_queue_url, QueueName='py-never-created'),
        'nonexistent_send': error(sqs.send_message, QueueUrl=missing, MessageBody='x'),
        'nonexistent_attributes': error(sqs.get_queue_attributes, QueueUrl=missing, AttributeNames=['All']),
        'max_messages_11': error(sqs.receive_message, QueueUrl=url, MaxNumberOfMessages=11),
        'max_messages_0': error(sqs.receive_message, QueueUrl=url, MaxNumberOfMessages=0),
        'wait_21': error(sqs.receive_message, QueueUrl=url, WaitTimeSeconds=21),
        'empty_body': error(sqs.send_message, QueueUrl=url, MessageBody=''),
        'fifo_false': error(sqs.create_queue, QueueName='py-not-fifo', Attributes={'FifoQueue': 'false'}),
        'unknown_create_attribute': error(sqs.create_queue, QueueName='py-unknown', Attributes={'Colour': 'blue'}),
        'unknown_get_attribute': error(sqs.get_queue_attributes, QueueUrl=url, AttributeNames=['NoSuchAttribute']),
        'bad_queue_name': error(sqs.create_queue, QueueName='bad name!'),
        'invalid_character': error(sqs.send_message, QueueUrl=url, MessageBody='bell\u0007'),
        'bad_receipt_handle': error(sqs.delete_message, QueueUrl=url, ReceiptHandle='bogus'),
        'delay_901': error(sqs.send_message, QueueUrl=url, MessageBody='x', DelaySeconds=901),
        'reserved_attribute_name': error(sqs.send_message, QueueUrl=url, MessageBody='x', MessageAttributes={'AWS.thing': {'DataType': 'String', 'StringValue': 'v'}}),
        'bad_number': error(sqs.send_message, QueueUrl=url, MessageBody='x', MessageAttributes={'n': {'DataType': 'Number', 'StringValue': 'abc'}}),
        'duplicate_batch_ids': error(sqs.send_message_batch, QueueUrl=url, Entries=[{'Id': 'a', 'MessageBody': 'x'}, {'Id': 'a', 'MessageBody': 'y'}]),
        'eleven_entries': error(sqs.send_message_batch, QueueUrl=url, Entries=[{'Id': f'e{i}', 'MessageBody': 'x'} for i in range(11)]),
        'bad_batch_id': error(sqs.delete_message_batch, QueueUrl=url, Entries=[{'Id': 'a b', 'ReceiptHandle': 'x'}]),
    }


def scenario_limits():
    """Run against a server started with an in-flight limit of 2."""
    url = new_queue('py-limits')
    for i in range(3):
        sqs.send_message(QueueUrl=url, MessageBody=f'm{i}')
    first = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=2, VisibilityTimeout=60)
    handle = first['Messages'][0]['ReceiptHandle']
    fifo = new_queue('py-limits.fifo', Attributes={'FifoQueue': 'true', 'ContentBasedDeduplication': 'true'})
    for i in range(3):
        sqs.send_message(QueueUrl=fifo, MessageBody=f'f{i}', MessageGroupId=f'g{i}')
    fifo_first = sqs.receive_message(QueueUrl=fifo, MaxNumberOfMessages=2, VisibilityTimeout=60)
    return {
        'received': len(first.get('Messages', [])),
        'over_limit': error(sqs.receive_message, QueueUrl=url, MaxNumberOfMessages=1),
        'beyond_12h': error(sqs.change_message_visibility, QueueUrl=url, ReceiptHandle=handle, VisibilityTimeout=43200),
        'fifo_received': len(fifo_first.get('Messages', [])),
        'fifo_at_limit': len(sqs.receive_message(QueueUrl=fifo, MaxNumberOfMessages=1).get('Messages', [])),
    }


SCENARIOS = {
    'queues': scenario_queues,
    'messages': scenario_messages,
    'redrive': scenario_redrive,
    'longpoll': scenario_longpoll,
    'errors': scenario_errors,
    'limits': scenario_limits,
}

if __name__ == '__main__':
    print(json.dumps(SCENARIOS[SCENARIO](), ensure_ascii=True))
