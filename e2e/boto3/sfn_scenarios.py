#!/usr/bin/python3
"""Drives Tributary's Step Functions with boto3 over AWS JSON 1.0, for e2e/sfn-boto3.test.ts.

Usage: sfn_scenarios.py <scenario> <endpoint-url>

Runs one scenario (many calls in one process, to spare Python start-up) and prints one JSON
document with what each step returned; the TypeScript test makes the assertions. Errors are
recorded as {code, message, status, exception, modeled} from botocore's ClientError, so the test
can assert AWS's codes, wording, HTTP status and the modeled exception class boto3 raised.

botocore parses the JSON protocol's timestamps (epoch seconds on the wire) into datetime objects;
they are reported as {"iso", "type", "tz"} so the test can check both the value and the type.

Two things Debian's botocore (1.29) needs help with, both explained where they are done:
- StartSyncExecution carries the endpoint host prefix `sync-`, so the stock client would send it
  to `sync-127.0.0.1:<port>`: the sync client is built with Config(inject_host_prefix=False).
- ValidateStateMachineDefinition is newer than botocore 1.29's service model, so a client with
  the operation added to its loaded model (shapes as AWS publishes them) is used for that call.
"""
import base64
import copy
import datetime
import json
import sys
import time

import boto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

SCENARIO = sys.argv[1]
ENDPOINT = sys.argv[2]

ROLE = 'arn:aws:iam::000000000000:role/sfn-role'
CREDENTIALS = {'region_name': 'us-east-1', 'aws_access_key_id': 'test', 'aws_secret_access_key': 'test'}
CONFIG = Config(retries={'total_max_attempts': 1, 'mode': 'standard'}, connect_timeout=5, read_timeout=30)

sfn = boto3.client('stepfunctions', endpoint_url=ENDPOINT, config=CONFIG, **CREDENTIALS)

# StartSyncExecution (like TestState) is modelled with `"endpoint": {"hostPrefix": "sync-"}`:
# botocore prepends that to the endpoint's host, so with endpoint_url http://127.0.0.1:<port> the
# stock client would POST to http://sync-127.0.0.1:<port>/, a name no resolver knows (on AWS,
# sync-states.<region>.amazonaws.com is a real host). inject_host_prefix=False keeps the request on
# the endpoint as given; the server answers it whatever the Host header says.
sync_sfn = boto3.client(
    'stepfunctions',
    endpoint_url=ENDPOINT,
    config=CONFIG.merge(Config(inject_host_prefix=False)),
    **CREDENTIALS,
)


# ------------------------------------------------------------------------------------------------
# ValidateStateMachineDefinition for botocore 1.29
#
# The operation (2024) postdates the stepfunctions model Debian's botocore ships, so boto3 has no
# validate_state_machine_definition method. The loader of a private botocore session is wrapped so
# the loaded model gains the operation and its shapes, written as in AWS's published model (the
# newer botocore's service-2.json); the wire format is then botocore's own JSON 1.0 handling.

VALIDATE_SHAPES = {
    'ValidateStateMachineDefinitionInput': {
        'type': 'structure',
        'required': ['definition'],
        'members': {
            'definition': {'shape': 'Definition'},
            'type': {'shape': 'StateMachineType'},
            'severity': {'shape': 'ValidateStateMachineDefinitionSeverity'},
            'maxResults': {'shape': 'ValidateStateMachineDefinitionMaxResult'},
        },
    },
    'ValidateStateMachineDefinitionOutput': {
        'type': 'structure',
        'required': ['result', 'diagnostics'],
        'members': {
            'result': {'shape': 'ValidateStateMachineDefinitionResultCode'},
            'diagnostics': {'shape': 'ValidateStateMachineDefinitionDiagnosticList'},
            'truncated': {'shape': 'ValidateStateMachineDefinitionTruncated'},
        },
    },
    'ValidateStateMachineDefinitionDiagnosticList': {
        'type': 'list',
        'member': {'shape': 'ValidateStateMachineDefinitionDiagnostic'},
    },
    'ValidateStateMachineDefinitionDiagnostic': {
        'type': 'structure',
        'required': ['severity', 'code', 'message'],
        'members': {
            'severity': {'shape': 'ValidateStateMachineDefinitionSeverity'},
            'code': {'shape': 'ValidateStateMachineDefinitionCode'},
            'message': {'shape': 'ValidateStateMachineDefinitionMessage'},
            'location': {'shape': 'ValidateStateMachineDefinitionLocation'},
        },
    },
    'ValidateStateMachineDefinitionSeverity': {'type': 'string', 'enum': ['ERROR', 'WARNING']},
    'ValidateStateMachineDefinitionResultCode': {'type': 'string', 'enum': ['OK', 'FAIL']},
    'ValidateStateMachineDefinitionMaxResult': {'type': 'integer', 'max': 100, 'min': 0},
    'ValidateStateMachineDefinitionTruncated': {'type': 'boolean', 'box': True},
    'ValidateStateMachineDefinitionCode': {'type': 'string', 'sensitive': True},
    'ValidateStateMachineDefinitionMessage': {'type': 'string', 'sensitive': True},
    'ValidateStateMachineDefinitionLocation': {'type': 'string', 'sensitive': True},
}
VALIDATE_OPERATION = {
    'name': 'ValidateStateMachineDefinition',
    'http': {'method': 'POST', 'requestUri': '/'},
    'input': {'shape': 'ValidateStateMachineDefinitionInput'},
    'output': {'shape': 'ValidateStateMachineDefinitionOutput'},
    'errors': [{'shape': 'ValidationException'}],
}


def validating_client():
    """A stepfunctions client whose model has ValidateStateMachineDefinition (see above)."""
    session = botocore.session.get_session()
    loader = session.get_component('data_loader')
    load = loader.load_service_model

    def load_service_model(service_name, type_name, api_version=None):
        model = load(service_name, type_name, api_version)
        if service_name != 'stepfunctions' or type_name != 'service-2':
            return model
        if 'ValidateStateMachineDefinition' in model['operations']:
            return model  # a newer botocore: nothing to add
        model = copy.deepcopy(model)
        model['operations']['ValidateStateMachineDefinition'] = VALIDATE_OPERATION
        for name, shape in VALIDATE_SHAPES.items():
            model['shapes'].setdefault(name, shape)
        return model

    loader.load_service_model = load_service_model
    return boto3.Session(botocore_session=session).client(
        'stepfunctions', endpoint_url=ENDPOINT, config=CONFIG, **CREDENTIALS
    )


# ------------------------------------------------------------------------------------------------
# Helpers


def stamp(value):
    return {
        'iso': value.isoformat(),
        'epoch': value.timestamp(),
        'type': type(value).__name__,
        'tz': value.tzinfo is not None,
    }


def plain(value):
    """A response made JSON-safe: no ResponseMetadata, bytes as base64, datetimes described."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != 'ResponseMetadata'}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode('ascii')
    if isinstance(value, datetime.datetime):
        return stamp(value)
    return value


def call(fn, **kwargs):
    return plain(fn(**kwargs))


def error(fn, **kwargs):
    """Calls an operation that should fail and describes the error (or the unexpected success)."""
    try:
        result = fn(**kwargs)
    except ClientError as e:
        code = e.response['Error']['Code']
        modeled = getattr(sfn.exceptions, code, None)
        return {
            'code': code,
            'message': e.response['Error'].get('Message'),
            'status': e.response['ResponseMetadata']['HTTPStatusCode'],
            'request_id': e.response['ResponseMetadata'].get('RequestId'),
            'exception': type(e).__name__,
            # Whether boto3 raised the modeled exception class for that code (it does so only
            # for codes in the service model), rather than a bare ClientError.
            'modeled': modeled is not None and isinstance(e, modeled),
        }
    return {'code': None, 'unexpected_success': plain(result)}


def finished(execution_arn, timeout=20):
    until = time.monotonic() + timeout
    while True:
        d = sfn.describe_execution(executionArn=execution_arn)
        if d['status'] != 'RUNNING' or time.monotonic() > until:
            return d
        time.sleep(0.05)


def create(name, definition, **kwargs):
    return sfn.create_state_machine(name=name, definition=definition, roleArn=ROLE, **kwargs)['stateMachineArn']


# A Pass, a Choice, a one-second Wait and an inline Map doubling each item (one at a time, so the
# history's order is the same on AWS).
FLOW = json.dumps({
    'Comment': 'boto3 end-to-end: Pass, Choice, Wait, Map',
    'StartAt': 'Prepare',
    'States': {
        'Prepare': {'Type': 'Pass', 'Parameters': {'items.$': '$.items', 'mode.$': '$.mode'}, 'Next': 'Route'},
        'Route': {
            'Type': 'Choice',
            'Choices': [{'Variable': '$.mode', 'StringEquals': 'double', 'Next': 'Pause'}],
            'Default': 'Skip',
        },
        'Skip': {'Type': 'Pass', 'Result': 'skipped', 'End': True},
        'Pause': {'Type': 'Wait', 'Seconds': 1, 'Next': 'Each'},
        'Each': {
            'Type': 'Map',
            'ItemsPath': '$.items',
            'MaxConcurrency': 1,
            'ItemProcessor': {
                'ProcessorConfig': {'Mode': 'INLINE'},
                'StartAt': 'Double',
                'States': {'Double': {'Type': 'Pass', 'Parameters': {'n.$': 'States.MathAdd($, $)'}, 'End': True}},
            },
            'ResultPath': '$.doubled',
            'End': True,
        },
    },
}, separators=(',', ':'))

LONG_WAIT = json.dumps({'StartAt': 'Sleep', 'States': {'Sleep': {'Type': 'Wait', 'Seconds': 3600, 'End': True}}})

GREET = json.dumps({
    'StartAt': 'Greet',
    'States': {'Greet': {'Type': 'Pass', 'Parameters': {'greeting.$': "States.Format('hello {}', $.who)"}, 'End': True}},
})


# ------------------------------------------------------------------------------------------------
# Scenarios


def scenario_machines():
    out = {'definition': FLOW}
    created = sfn.create_state_machine(
        name='py-flow', definition=FLOW, roleArn=ROLE, tags=[{'key': 'team', 'value': 'py'}]
    )
    out['created'] = plain(created)
    out['now'] = time.time()
    arn = created['stateMachineArn']
    out['again'] = call(sfn.create_state_machine, name='py-flow', definition=FLOW, roleArn=ROLE)
    described = sfn.describe_state_machine(stateMachineArn=arn)
    out['described'] = plain(described)
    meta = described['ResponseMetadata']
    out['metadata'] = {
        'status': meta['HTTPStatusCode'],
        'request_id': meta.get('RequestId'),
        'request_id_header': meta['HTTPHeaders'].get('x-amzn-requestid'),
        'content_type': meta['HTTPHeaders'].get('content-type'),
    }
    create('py-other', GREET)
    out['listed'] = call(sfn.list_state_machines)
    pages = sfn.get_paginator('list_state_machines').paginate(PaginationConfig={'PageSize': 1})
    out['paginated'] = [[m['name'] for m in p['stateMachines']] for p in pages]

    out['tags'] = {'initial': call(sfn.list_tags_for_resource, resourceArn=arn)}
    out['tags']['tag'] = call(
        sfn.tag_resource,
        resourceArn=arn,
        tags=[{'key': 'team', 'value': 'platform'}, {'key': 'env', 'value': 'test'}],
    )
    out['tags']['after_tag'] = call(sfn.list_tags_for_resource, resourceArn=arn)
    out['tags']['untag'] = call(sfn.untag_resource, resourceArn=arn, tagKeys=['team'])
    out['tags']['after_untag'] = call(sfn.list_tags_for_resource, resourceArn=arn)
    return out


def scenario_executions():
    arn = create('py-run', FLOW)
    before = time.time()
    started = sfn.start_execution(stateMachineArn=arn, name='py-run-1', input=json.dumps({'mode': 'double', 'items': [1, 2, 3]}))
    polls = 0
    while True:
        d = sfn.describe_execution(executionArn=started['executionArn'])
        polls += 1
        if d['status'] != 'RUNNING' or polls > 400:
            break
        time.sleep(0.05)
    running_then = polls > 1
    execution_arn = started['executionArn']
    history = sfn.get_execution_history(executionArn=execution_arn)
    events = history['events']
    skipped = sfn.start_execution(stateMachineArn=arn, name='py-run-2', input='{"mode":"other","items":[]}')
    return {
        'machine': arn,
        'before': before,
        'started': plain(started),
        'described': plain(d),
        'was_running': running_then,
        'history': {
            'types': [e['type'] for e in events],
            'ids': [e['id'] for e in events],
            'previous': [e.get('previousEventId') for e in events],
            'timestamp_types': sorted({type(e['timestamp']).__name__ for e in events}),
            'timestamps_aware': all(e['timestamp'].tzinfo is not None for e in events),
            'timestamps_ordered': all(a['timestamp'] <= b['timestamp'] for a, b in zip(events, events[1:])),
            'first': plain(events[0]),
            'last': plain(events[-1]),
            'wait_entered': plain(next(e for e in events if e['type'] == 'WaitStateEntered')),
            'map_started': plain(next((e for e in events if e['type'] == 'MapStateStarted'), None)),
            'iterations': [
                [e['type'], e.get('mapIterationStartedEventDetails') or e.get('mapIterationSucceededEventDetails')]
                for e in events
                if e['type'].startswith('MapIteration')
            ],
            'map_exited': plain(next((e for e in events if e['type'] == 'MapStateExited'), None)),
            'next_token': history.get('nextToken'),
        },
        'reversed': [e['id'] for e in sfn.get_execution_history(executionArn=execution_arn, reverseOrder=True, maxResults=3)['events']],
        'paged_history': [[e['id'] for e in p['events']] for p in sfn.get_paginator('get_execution_history').paginate(executionArn=execution_arn, PaginationConfig={'PageSize': 5})],
        'skipped': plain(finished(skipped['executionArn'])),
        'listed': call(sfn.list_executions, stateMachineArn=arn),
        'listed_succeeded': call(sfn.list_executions, stateMachineArn=arn, statusFilter='SUCCEEDED', maxResults=1),
        'listed_running': call(sfn.list_executions, stateMachineArn=arn, statusFilter='RUNNING'),
        'paged_executions': [
            [e['name'] for e in p['executions']]
            for p in sfn.get_paginator('list_executions').paginate(stateMachineArn=arn, PaginationConfig={'PageSize': 1})
        ],
        'for_execution': call(sfn.describe_state_machine_for_execution, executionArn=execution_arn),
    }


def scenario_stop():
    arn = create('py-sleeper', LONG_WAIT)
    execution_arn = sfn.start_execution(stateMachineArn=arn, name='py-sleep')['executionArn']
    running = sfn.describe_execution(executionArn=execution_arn)
    listed_running = sfn.list_executions(stateMachineArn=arn, statusFilter='RUNNING')
    stopped = sfn.stop_execution(executionArn=execution_arn, error='Halt', cause='test over')
    described = finished(execution_arn)
    last = sfn.get_execution_history(executionArn=execution_arn, reverseOrder=True, maxResults=1)['events'][0]
    return {
        'running_status': running['status'],
        'listed_running': [e['executionArn'] for e in listed_running['executions']],
        'execution_arn': execution_arn,
        'stopped': plain(stopped),
        'described': plain(described),
        'last_event': plain(last),
    }


def scenario_validate():
    v = validating_client()
    # Definitions (and, in the test, replies) as recorded against AWS, plus a dangling Next.
    wait_for_token = json.dumps({
        'StartAt': 'SendMessageWithWait',
        'States': {
            'SendMessageWithWait': {
                'Type': 'Task',
                'Resource': 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                'Parameters': {'QueueUrl.$': '$.QueueUrl', 'MessageBody': {'Message.$': '$.Message', 'TaskToken.$': '$$.Task.Token'}},
                'End': True,
            }
        },
    })
    return {
        'has_method_natively': hasattr(sfn, 'validate_state_machine_definition'),
        'ok': call(v.validate_state_machine_definition, definition=FLOW),
        'ok_express': call(v.validate_state_machine_definition, definition=FLOW, type='EXPRESS'),
        'empty_object': call(v.validate_state_machine_definition, definition='{}', type='STANDARD'),
        'not_json': call(v.validate_state_machine_definition, definition='not a definition', type='STANDARD'),
        'bad_next': call(
            v.validate_state_machine_definition,
            definition=json.dumps({'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'Nowhere'}}}),
        ),
        'express_wait_for_token': call(v.validate_state_machine_definition, definition=wait_for_token, type='EXPRESS'),
        'standard_wait_for_token': call(v.validate_state_machine_definition, definition=wait_for_token, type='STANDARD'),
    }


def scenario_errors():
    arn = create('py-errors', LONG_WAIT)
    missing = 'arn:aws:states:us-east-1:000000000000:stateMachine:py-never-created'
    first = sfn.start_execution(stateMachineArn=arn, name='py-once', input='{"a":1}')
    out = {
        'machine': arn,
        'missing_arn': missing,
        'describe_missing': error(sfn.describe_state_machine, stateMachineArn=missing),
        'start_missing': error(sfn.start_execution, stateMachineArn=missing),
        'execution_arn': first['executionArn'],
        'same_input': call(sfn.start_execution, stateMachineArn=arn, name='py-once', input='{"a":1}'),
        'different_input': error(sfn.start_execution, stateMachineArn=arn, name='py-once', input='{"a":2}'),
        'invalid_definition': error(sfn.create_state_machine, name='py-broken', definition=json.dumps({'StartAt': 'A'}), roleArn=ROLE),
        'definition_not_json': error(sfn.create_state_machine, name='py-broken', definition='{', roleArn=ROLE),
        'invalid_arn': error(sfn.describe_state_machine, stateMachineArn='not_a_valid_arn'),
        'execution_missing': error(
            sfn.describe_execution,
            executionArn='arn:aws:states:us-east-1:000000000000:execution:py-errors:nope',
        ),
        'invalid_input': error(sfn.start_execution, stateMachineArn=arn, input='not some json'),
        'invalid_name': error(sfn.create_state_machine, name='bad name', definition=LONG_WAIT, roleArn=ROLE),
        'machine_exists': error(sfn.create_state_machine, name='py-errors', definition=GREET, roleArn=ROLE),
        'sync_on_standard': error(sync_sfn.start_sync_execution, stateMachineArn=arn),
        'validation': error(sfn.list_state_machines, maxResults=1001),
    }
    sfn.stop_execution(executionArn=first['executionArn'])
    return out


class Captured(Exception):
    pass


def scenario_sync():
    arn = create('py-express', GREET, type='EXPRESS')
    before = time.time()
    out = sync_sfn.start_sync_execution(stateMachineArn=arn, name='py-sync', input='{"who":"boto3"}')
    failing = create(
        'py-express-fail',
        json.dumps({'StartAt': 'F', 'States': {'F': {'Type': 'Fail', 'Error': 'SomeFailure', 'Cause': 'because'}}}),
        type='EXPRESS',
    )

    # Where the stock client (inject_host_prefix left on) would send the call: the request is
    # captured before it is sent, so nothing resolves or connects to the sync- host.
    default = boto3.client('stepfunctions', endpoint_url=ENDPOINT, config=CONFIG, **CREDENTIALS)
    seen = {}

    def capture(request, **_):
        seen['url'] = request.url
        raise Captured()

    default.meta.events.register('before-send', capture)
    try:
        default.start_sync_execution(stateMachineArn=arn)
    except Captured:
        pass

    return {
        'machine': arn,
        'described': call(sfn.describe_state_machine, stateMachineArn=arn),
        'before': before,
        'sync': plain(out),
        'start_and_stop_are_datetimes': isinstance(out['startDate'], datetime.datetime)
        and isinstance(out['stopDate'], datetime.datetime),
        'failed': call(sync_sfn.start_sync_execution, stateMachineArn=failing, input='{}'),
        'default_url': seen.get('url'),
        'sync_list_executions': error(sfn.list_executions, stateMachineArn=arn),
    }


SCENARIOS = {
    'machines': scenario_machines,
    'executions': scenario_executions,
    'stop': scenario_stop,
    'validate': scenario_validate,
    'errors': scenario_errors,
    'sync': scenario_sync,
}

if __name__ == '__main__':
    print(json.dumps(SCENARIOS[SCENARIO](), ensure_ascii=True))
