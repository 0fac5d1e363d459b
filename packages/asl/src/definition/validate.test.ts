import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './types.js';
import { invalidDefinitionMessage, validateDefinition, type ValidateOptions } from './validate.js';

const SCHEMA = 'SCHEMA_VALIDATION_FAILED';

/** Validates a definition given as an object. */
function check(definition: unknown, options?: ValidateOptions): Diagnostic[] {
  return validateDefinition(JSON.stringify(definition), options).diagnostics;
}
const err = (code: string, message: string, location?: string): Diagnostic =>
  location === undefined ? { severity: 'ERROR', code, message } : { severity: 'ERROR', code, message, location };
const schema = (message: string, location: string): Diagnostic => err(SCHEMA, message, location);

/** A one-state machine around the given state. */
const one = (state: Record<string, unknown>, top: Record<string, unknown> = {}): unknown => ({ ...top, StartAt: 'S', States: { S: state } });
const pass = { Type: 'Pass', End: true };

describe('reading the definition', () => {
  it('accepts a minimal machine and returns it parsed', () => {
    const result = validateDefinition('{"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}}');
    expect(result).toEqual({ result: 'OK', diagnostics: [], definition: { StartAt: 'S', States: { S: { Type: 'Pass', End: true } } } });
  });

  it('reports a JSON syntax error with Jackson wording and the source in the location', () => {
    const result = validateDefinition('{"StartAt": tru}');
    const location = '[Source: (String)"{"StartAt": tru}"; line: 1, column: 16]';
    expect(result.result).toBe('FAIL');
    expect(result.diagnostics).toEqual([
      err(
        'INVALID_JSON_DESCRIPTION',
        `Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at ${location}`,
        location,
      ),
    ]);
  });

  it('truncates the quoted source after 500 characters, as Jackson does', () => {
    const text = `{"Comment": "${'x'.repeat(600)}", }`;
    const [diagnostic] = validateDefinition(text).diagnostics;
    expect(diagnostic?.location).toBe(`[Source: (String)"${text.slice(0, 500)}"[truncated ${text.length - 500} chars]; line: 1, column: ${text.length}]`);
    expect(diagnostic?.message).toMatch(/^Unexpected character \('}' \(code 125\)\): was expecting double-quote to start field name\n at /);
  });

  it('refuses blank text and non-object JSON without a location', () => {
    for (const text of ['', '  ', '[]', '"x"', 'null', '42']) {
      expect(validateDefinition(text).diagnostics).toEqual([err(SCHEMA, 'Definition must be a valid JSON object')]);
    }
  });
});

describe('the top level', () => {
  it('lists the missing required fields, States first', () => {
    expect(check({})).toEqual([schema('These fields are required: [States, StartAt]', '/')]);
    expect(check({ Comment: 'x', StartAt: 'S' })).toEqual([schema('These fields are required: [States]', '/')]);
  });

  it('refuses unknown fields and bad values', () => {
    expect(check({ ...(one(pass) as object), Foo: 1, Version: '2.0', TimeoutSeconds: -1 })).toEqual([
      schema("Field 'Foo' is not supported", '/'),
      schema("The field 'Version' should have one of these values: [1.0]", '/Version'),
      schema('Minimum value is 0', '/TimeoutSeconds'),
    ]);
    expect(check({ StartAt: 'S', States: {} })).toEqual([schema('Value cannot be empty', '/States')]);
  });

  it('limits state names to 80 characters and makes them unique across the machine', () => {
    const long = 'N'.repeat(81);
    expect(check({ StartAt: long, States: { [long]: pass } })).toEqual([
      err('INVALID_STATE_NAME', `Invalid State name: State '${long}' exceeds the 80-character limit allowed by the service`, `/States/${long}`),
    ]);
    const machine = {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: pass } }], End: true } },
    };
    expect(check(machine)).toEqual([err('DUPLICATE_STATE_NAME', 'Duplicate State name: P', '/States/P/Branches[0]/States/P')]);
  });
});

describe('states', () => {
  it('requires Type and a known one', () => {
    expect(check(one({ End: true }))).toEqual([schema('These fields are required: [Type]', '/States/S')]);
    expect(check(one({ Type: 'TypeThatDoesNotExist', End: true }))).toEqual([
      schema("The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]", '/States/S/Type'),
    ]);
  });

  it('refuses a field the state type does not support, at the state', () => {
    expect(check(one({ Type: 'Pass', End: true, Catch: [], TimeoutSeconds: 5 }))).toEqual([
      schema("Field 'Catch' is not supported", '/States/S'),
      schema("Field 'TimeoutSeconds' is not supported", '/States/S'),
    ]);
    expect(check(one({ Type: 'Fail', End: true }))).toEqual([schema("Field 'End' is not supported", '/States/S')]);
    expect(check(one({ Type: 'Wait', Seconds: 1, End: true, ResultPath: null }))).toEqual([schema("Field 'ResultPath' is not supported", '/States/S')]);
  });

  it('wants exactly one of Next and End: true', () => {
    expect(check({ StartAt: 'S', States: { S: { Type: 'Pass', Next: 'T', End: true }, T: pass } })).toEqual([
      schema('There should only be one of the following fields: [Next, End]', '/States/S'),
    ]);
    expect(check(one({ Type: 'Pass' }))).toEqual([schema('This object should have only one of the following fields: [Next, End]', '/States/S')]);
  });

  it('checks paths, reference paths and payload templates', () => {
    expect(check(one({ Type: 'Pass', End: true, InputPath: 'x', ResultPath: '$.a[*]', Parameters: { 'a.$': 'not a path', b: { 'c.$': '$.ok' } } }))).toEqual([
      schema("The value for the field 'InputPath' must be a valid JSONPath", '/States/S/InputPath'),
      schema("The value for the field 'ResultPath' must be a valid ReferencePath", '/States/S/ResultPath'),
      schema("The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function call", '/States/S/Parameters'),
    ]);
    expect(check(one({ Type: 'Pass', End: true, InputPath: null, OutputPath: '$$.Execution.Input', ResultPath: null, Parameters: { 'v.$': '$var.x' } }))).toEqual([]);
  });

  it('checks intrinsic calls: known functions, single-quoted strings, the four escapes', () => {
    const parameters = (value: string): unknown => one({ Type: 'Pass', End: true, Parameters: { 'x.$': value } });
    for (const ok of [
      'States.UUID()',
      "States.Format('a {} b \\' \\{ \\} \\\\', $.x)",
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength($.a), -1))",
      'States.JsonMerge($.a, $b, false)',
      "States.StringSplit('Hello\nWorld', '\n')",
      'States.Array(1, 2.5, true, null, $.a[0])',
    ]) {
      expect(check(parameters(ok)), ok).toEqual([]);
    }
    for (const bad of ['States.Nope($.a)', "States.Format('He said \\\"hi\\\"')", 'States.Format($.a', 'States.UUID() x', "States.Format('unterminated)"]) {
      expect(check(parameters(bad)), bad).toEqual([
        schema("The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call", '/States/S/Parameters'),
      ]);
    }
  });
});

describe('query languages', () => {
  it('refuses a field of the other language, at the state', () => {
    expect(check(one({ Type: 'Pass', End: true, Output: {} }))).toEqual([
      schema("The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", '/States/S'),
    ]);
    expect(check(one({ Type: 'Pass', End: true, Parameters: {}, Result: 1 }, { QueryLanguage: 'JSONata' }))).toEqual([
      schema("The QueryLanguage is set to 'JSONata', but field 'Parameters' is only supported for the 'JSONPath' QueryLanguage", '/States/S'),
      schema("The QueryLanguage is set to 'JSONata', but field 'Result' is only supported for the 'JSONPath' QueryLanguage", '/States/S'),
    ]);
  });

  it('refuses a JSONPath state under a JSONata machine', () => {
    expect(check(one({ Type: 'Pass', End: true, QueryLanguage: 'JSONPath' }, { QueryLanguage: 'JSONata' }))).toEqual([
      schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", '/States/S'),
    ]);
  });

  it("gives nested states the machine's language, not the Map's, and refuses QueryLanguage on a processor", () => {
    const map = {
      Type: 'Map',
      QueryLanguage: 'JSONata',
      ItemProcessor: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', End: true, Output: 1 } } },
      End: true,
    };
    expect(check({ StartAt: 'M', States: { M: map } })).toEqual([
      schema("Field 'QueryLanguage' is not supported", '/States/M/ItemProcessor'),
      schema("The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", '/States/M/ItemProcessor/States/P'),
    ]);
  });

  it('takes JSONata expressions where JSONata allows them and hands them to checkJsonata', () => {
    const seen: string[] = [];
    const diagnostics = check(
      one(
        {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: 'f', Payload: '{% $states.input %}' },
          TimeoutSeconds: '{% $t %}',
          Output: { v: '{% phone %}', w: ['{% 1 + %}'] },
          End: true,
        },
        { QueryLanguage: 'JSONata' },
      ),
      {
        checkJsonata: (expression) => {
          seen.push(expression);
          if (expression.trim() === 'phone') return { code: 'UNSUPPORTED_JSONATA_EXPRESSION', message: "Reference to 'phone' at the top level is not supported." };
          if (expression.trim() === '1 +') return { code: 'INVALID_JSONATA_EXPRESSION', message: 'Unexpected end of expression' };
          return undefined;
        },
      },
    );
    expect(seen).toEqual([' $states.input ', ' phone ', ' 1 + ', ' $t ']);
    expect(diagnostics).toEqual([
      err('UNSUPPORTED_JSONATA_EXPRESSION', "Reference to 'phone' at the top level is not supported.", '/States/S/Output/v'),
      err('INVALID_JSONATA_EXPRESSION', 'Unexpected end of expression', '/States/S/Output/w[0]'),
    ]);
  });

  it('refuses an expression where JSONPath wants a literal', () => {
    expect(check(one({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, TimeoutSeconds: '{% 5 %}', End: true }))).toEqual([
      schema('Expected value of type Integer', '/States/S/TimeoutSeconds'),
    ]);
  });
});

describe('the graph', () => {
  it('reports a missing target, then the states nothing reaches', () => {
    const definition = { StartAt: 'pass1', States: { pass1: { Type: 'Pass', Next: 'pass3' }, pass2: pass } };
    const { diagnostics } = validateDefinition(JSON.stringify(definition));
    expect(invalidDefinitionMessage(diagnostics)).toBe(
      "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'",
    );
  });

  it('reports a StartAt naming no state at /StartAt', () => {
    const definition = { StartAt: 'Not sure', States: { 'Pass One': { Type: 'Pass', Next: 'Success' }, Success: { Type: 'Succeed' } } };
    expect(invalidDefinitionMessage(check(definition))).toBe(
      "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Not sure at /StartAt, MISSING_TRANSITION_TARGET: State \"Pass One\" is not reachable. at /States/Pass One'",
    );
  });

  it('reports a machine without a terminal state once, without a location, and then skips reachability', () => {
    const loop = { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } };
    expect(check({ StartAt: 'A', States: loop })).toEqual([err('MISSING_END_STATE', 'Workflow has no terminal state')]);
    expect(check({ StartAt: 'A', States: { ...loop, D: { Type: 'Pass', Next: 'A' } } })).toEqual([err('MISSING_END_STATE', 'Workflow has no terminal state')]);
    expect(check({ StartAt: 'A', States: { ...loop, C: pass } })).toEqual([err('MISSING_TRANSITION_TARGET', 'State "C" is not reachable.', '/States/C')]);
    expect(check({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'NOPE' } } })).toEqual([
      err('MISSING_TRANSITION_TARGET', "Missing 'Next' target: NOPE", '/States/A/Next'),
      err('MISSING_END_STATE', 'Workflow has no terminal state'),
    ]);
    expect(invalidDefinitionMessage(check({ StartAt: 'A', States: loop }))).toBe(
      "Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'",
    );
  });

  it("says 'Next' for every kind of dangling target", () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'X1' }], Default: 'X2' },
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'X3' }], End: true },
      },
    };
    expect(check(definition)).toEqual([
      err('MISSING_TRANSITION_TARGET', "Missing 'Next' target: X1", '/States/C/Choices[0]/Next'),
      err('MISSING_TRANSITION_TARGET', "Missing 'Next' target: X2", '/States/C/Default'),
      err('MISSING_TRANSITION_TARGET', "Missing 'Next' target: X3", '/States/T/Catch[0]/Next'),
      err('MISSING_TRANSITION_TARGET', 'State "T" is not reachable.', '/States/T'),
    ]);
  });

  it('scopes names to their own States block', () => {
    const definition = {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Next: 'Done' } } }], Next: 'Done' }, Done: { Type: 'Succeed' } },
    };
    expect(check(definition)).toEqual([
      err('MISSING_TRANSITION_TARGET', "Missing 'Next' target: Done", '/States/P/Branches[0]/States/B/Next'),
      err('MISSING_END_STATE', 'Workflow has no terminal state', '/States/P/Branches[0]'),
    ]);
  });

  it('does not look at the graph while the document has errors', () => {
    expect(check({ States: { StartState: pass } })).toEqual([schema('These fields are required: [StartAt]', '/')]);
  });
});

describe('Task', () => {
  const task = (resource: string, extra: Record<string, unknown> = {}): unknown => one({ Type: 'Task', Resource: resource, End: true, ...extra });

  it('recognizes Lambda, activity, optimized and SDK resources, and nothing else', () => {
    for (const resource of [
      'arn:aws:lambda:us-east-1:111111111111:function:fn',
      'arn:aws:lambda:us-east-1:111111111111:function:fn:$LATEST',
      'arn:aws:states:us-east-1:111111111111:activity:act',
      'arn:aws:states:::lambda:invoke.waitForTaskToken',
      'arn:aws:states:::states:startExecution.sync:2',
      'arn:aws:states:::ecs:runTask.sync',
      'arn:aws:states:::aws-sdk:s3:listBuckets.waitForTaskToken',
      'arn:aws-us-gov:states:::sqs:sendMessage',
      'arn:aws:states:::http:invoke',
    ]) {
      expect(check(task(resource)), resource).toEqual([]);
    }
    for (const resource of [
      'arn:aws:states:::dynamodb:query',
      'arn:aws:states:::lambda:listFunctions',
      'arn:aws:states:::lambda:invoke.sync',
      'arn:aws:states:::dynamodb:getItem.waitForTaskToken',
      'arn:aws:states:::aws-sdk:s3:listBuckets.sync',
      'not-an-arn',
    ]) {
      expect(check(task(resource)), resource).toEqual([
        schema(
          `The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`,
          '/States/S/Resource',
        ),
      ]);
    }
  });

  it('refuses callbacks, jobs and activities in EXPRESS machines', () => {
    const express = { type: 'EXPRESS' } as const;
    expect(check(task('arn:aws:states:::states:startExecution.sync:2'), express)).toEqual([
      schema("Express state machine does not support '.sync' service integration", '/States/S/Resource'),
    ]);
    expect(check(task('arn:aws:states:::sqs:sendMessage.waitForTaskToken'), express)).toEqual([
      schema("Express state machine does not support '.waitForTaskToken' service integration ", '/States/S/Resource'),
    ]);
    expect(check(task('arn:aws:states:us-east-1:111111111111:activity:a'), express)).toEqual([
      schema('Express state machine does not support Activity ARN', '/States/S/Resource'),
    ]);
  });

  it('checks timeouts, credentials and the Path variants', () => {
    expect(check(task('arn:aws:states:::lambda:invoke', { TimeoutSeconds: 0, HeartbeatSeconds: 5, HeartbeatSecondsPath: '$.h', Credentials: {} }))).toEqual([
      schema('Minimum value is 1', '/States/S/TimeoutSeconds'),
      schema('There should only be one of the following fields: [HeartbeatSeconds, HeartbeatSecondsPath]', '/States/S'),
      schema("The field 'RoleArn' is required but was missing", '/States/S/Credentials'),
    ]);
    expect(check(task('arn:aws:states:::lambda:invoke', { TimeoutSecondsPath: '$timeout', Credentials: { 'RoleArn.$': "States.Format('{}', $.r)" } }))).toEqual([]);
  });

  it('checks retriers and catchers', () => {
    const extra = {
      Retry: [
        { ErrorEquals: ['States.ALL'], MaxAttempts: -1 },
        { ErrorEquals: ['X'], BackoffRate: 0.5, JitterStrategy: 'SOME', Foo: 1 },
      ],
      Catch: [{ ErrorEquals: ['States.ALL', 'X'], Next: 'S' }, { Next: 'S' }],
    };
    expect(check(task('arn:aws:states:::lambda:invoke', extra))).toEqual([
      schema('States.ALL must appear alone and at end of list', '/States/S/Retry[0]/ErrorEquals'),
      schema('Minimum value is 0', '/States/S/Retry[0]/MaxAttempts'),
      schema("Field 'Foo' is not supported", '/States/S/Retry[1]'),
      schema('Minimum value is 1', '/States/S/Retry[1]/BackoffRate'),
      schema("The field 'JitterStrategy' should have one of these values: [FULL, NONE]", '/States/S/Retry[1]/JitterStrategy'),
      schema('States.ALL must appear alone and at end of list', '/States/S/Catch[0]/ErrorEquals'),
      schema('These fields are required: [ErrorEquals]', '/States/S/Catch[1]'),
    ]);
  });
});

describe('Wait, Fail and Choice', () => {
  it('wants one timing field and an RFC 3339 Timestamp', () => {
    expect(check(one({ Type: 'Wait', End: true }))).toEqual([
      schema('This object should have only one of the following fields: [SecondsPath, Seconds, TimestampPath, Timestamp]', '/States/S'),
    ]);
    expect(check(one({ Type: 'Wait', Seconds: 1, SecondsPath: '$.s', End: true }))).toEqual([
      schema('There should only be one of the following fields: [SecondsPath, Seconds, TimestampPath, Timestamp]', '/States/S'),
    ]);
    for (const timestamp of ['2016-12-05 21:29:29Z', '2016-12-05T21:29:29', '2016-13-05T21:29:29Z', '2016-12-05T25:29:29Z', "{% '2016-03-14T01:59:00Z' %}"]) {
      expect(check(one({ Type: 'Wait', Timestamp: timestamp, End: true })), timestamp).toEqual([
        schema('String does not match RFC3339 timestamp', '/States/S/Timestamp'),
      ]);
    }
    expect(check(one({ Type: 'Wait', Timestamp: '2016-03-14T01:59:00.5+02:00', End: true }))).toEqual([]);
    expect(check(one({ Type: 'Wait', Timestamp: "{% '2016-03-14T01:59:00Z' %}", End: true }, { QueryLanguage: 'JSONata' }))).toEqual([]);
  });

  it('takes Error or ErrorPath, the latter a path or a string-returning intrinsic', () => {
    expect(check(one({ Type: 'Fail', Error: 'E', ErrorPath: '$.e', CausePath: 'States.Array($.a)' }))).toEqual([
      schema('There should only be one of the following fields: [Error, ErrorPath]', '/States/S'),
      schema("The value for the field 'CausePath' must be a valid JSONPath or a valid intrinsic function call", '/States/S/CausePath'),
    ]);
    expect(check(one({ Type: 'Fail', ErrorPath: '$$.State.Name', CausePath: "States.Format('{}', $.c)" }))).toEqual([]);
  });

  it('checks Choice rules', () => {
    const choice = (choices: unknown[], top: Record<string, unknown> = {}): unknown => ({
      ...top,
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: choices, Default: 'D' }, D: { Type: 'Succeed' } },
    });
    expect(check(choice([]))).toEqual([schema('Value cannot be empty', '/States/C/Choices')]);
    expect(
      check(
        choice([
          { Variable: '$.x', StringEquals: 'a', NumericEquals: 1, Next: 'D' },
          { And: [{ Variable: '$.x', IsNull: 'yes', Next: 'D' }], Next: 'D' },
          { Variable: '$.x', TimestampEquals: 'yesterday' },
          { Condition: true, Next: 'D' },
        ]),
      ),
    ).toEqual([
      schema(expect.stringMatching(/^There should only be one of the following fields: \[StringEquals, StringEqualsPath, .*IsTimestamp\]$/) as unknown as string, '/States/C/Choices[0]'),
      schema("Field 'Next' is not supported", '/States/C/Choices[1]/And[0]'),
      schema('Expected value of type Boolean', '/States/C/Choices[1]/And[0]/IsNull'),
      schema('These fields are required: [Next]', '/States/C/Choices[2]'),
      schema('String does not match RFC3339 timestamp', '/States/C/Choices[2]/TimestampEquals'),
      schema("The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage", '/States/C/Choices[3]'),
    ]);
    expect(check(choice([{ Condition: '{% $states.input.x %}', Next: 'D', Assign: { a: 1 }, Output: {} }], { QueryLanguage: 'JSONata' }))).toEqual([]);
    expect(check(choice([{ Variable: '$.x', IsPresent: true, Next: 'D' }], { QueryLanguage: 'JSONata' }))).toEqual([
      schema('These fields are required: [Condition]', '/States/C/Choices[0]'),
      schema("The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage", '/States/C/Choices[0]'),
      schema("The QueryLanguage is set to 'JSONata', but field 'IsPresent' is only supported for the 'JSONPath' QueryLanguage", '/States/C/Choices[0]'),
    ]);
  });
});

describe('Parallel and Map', () => {
  const processor = { StartAt: 'P', States: { P: pass } };

  it('wants branches', () => {
    expect(check(one({ Type: 'Parallel', Branches: [], End: true }))).toEqual([schema('Value cannot be empty', '/States/S/Branches')]);
    expect(check(one({ Type: 'Parallel', Branches: [{ StartAt: 'P' }], End: true }))).toEqual([
      schema('These fields are required: [States]', '/States/S/Branches[0]'),
    ]);
  });

  it('wants exactly one of ItemProcessor and Iterator', () => {
    expect(check(one({ Type: 'Map', End: true }))).toEqual([schema('This object should have only one of the following fields: [ItemProcessor, Iterator]', '/States/S')]);
    expect(check(one({ Type: 'Map', ItemProcessor: processor, Iterator: processor, End: true }))).toEqual([
      schema('There should only be one of the following fields: [ItemProcessor, Iterator]', '/States/S'),
      err('DUPLICATE_STATE_NAME', 'Duplicate State name: P', '/States/S/Iterator/States/P'),
    ]);
  });

  it('checks the processor configuration', () => {
    const map = (config: unknown, options?: ValidateOptions): Diagnostic[] =>
      check(one({ Type: 'Map', ItemProcessor: { ...processor, ProcessorConfig: config }, End: true }), options);
    expect(map({ Mode: 'DISTRIBUTED' })).toEqual([schema('These fields are required: [ExecutionType]', '/States/S/ItemProcessor/ProcessorConfig')]);
    expect(map({ Mode: 'INLINE', ExecutionType: 'STANDARD' })).toEqual([schema("Field 'ExecutionType' is not supported", '/States/S/ItemProcessor/ProcessorConfig')]);
    expect(map({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, { type: 'EXPRESS' })).toEqual([
      schema("The field 'Mode' with value 'DISTRIBUTED' is not supported inside 'EXPRESS' state machines", '/States/S/ItemProcessor/ProcessorConfig/Mode'),
    ]);
  });

  it('applies the EXPRESS rules inside EXPRESS child executions', () => {
    const child = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: {}, End: true };
    const map = one({
      Type: 'Map',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'T', States: { T: child } },
      End: true,
    });
    expect(check(map)).toEqual([
      schema("Express state machine does not support '.waitForTaskToken' service integration ", '/States/S/ItemProcessor/States/T/Resource'),
    ]);
  });

  it('checks the Distributed Map fields', () => {
    const map = {
      Type: 'Map',
      ItemProcessor: { ...processor, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'XML', MaxItems: -1 }, Parameters: { 'Bucket.$': '$.b' } },
      ItemBatcher: { MaxItemsPerBatch: 0 },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', WriterConfig: { OutputType: 'CSV' } },
      ToleratedFailurePercentage: 101,
      MaxConcurrency: 10,
      MaxConcurrencyPath: '$.m',
      End: true,
    };
    expect(check(one(map))).toEqual([
      schema('Maximum value is 100', '/States/S/ToleratedFailurePercentage'),
      schema('There should only be one of the following fields: [MaxConcurrency, MaxConcurrencyPath]', '/States/S'),
      schema("The field 'InputType' should have one of these values: [CSV, JSON, JSONL, MANIFEST, PARQUET]", '/States/S/ItemReader/ReaderConfig/InputType'),
      schema('Minimum value is 0', '/States/S/ItemReader/ReaderConfig/MaxItems'),
      schema('Minimum value is 1', '/States/S/ItemBatcher/MaxItemsPerBatch'),
      schema("The field 'OutputType' should have one of these values: [JSON, JSONL]", '/States/S/ResultWriter/WriterConfig/OutputType'),
    ]);
  });

  it('checks the Label and words its refusal as AWS was recorded wording it', () => {
    const text = (label: string): string =>
      JSON.stringify(one({ Type: 'Map', ItemProcessor: { ...processor, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } }, Label: label, End: true }));
    const message = (label: string): string => invalidDefinitionMessage(validateDefinition(text(label)).diagnostics, text(label));
    expect(validateDefinition(text('label_ ')).diagnostics).toEqual([schema("Label contains invalid character: ' '", '/States/S/Label')]);
    expect(message('a?b')).toBe(`Error=ValueError Args=["Label contains invalid character: '?'"] in definition '${text('a?b')}'.`);
    expect(message('a"b')).toBe(`Error=ValueError Args=['Label contains invalid character: \\'"\\''] in definition '${text('a"b')}'.`);
    expect(message('a\\b')).toBe(`Error=ValueError Args=["Label contains invalid character: '\\\\\\\\'"] in definition '${text('a\\b')}'.`);
    expect(message('a\u0085b')).toBe(`Error=ValueError Args=["Label contains invalid character: '\\\\x85'"] in definition '${text('a\u0085b')}'.`);
    expect(message('')).toBe(`Error=ValueError Args=['Label cannot be empty'] in definition '${text('')}'.`);
    expect(message('x'.repeat(41))).toBe(`Error=ValueError Args=['Label cannot exceed 40 characters'] in definition '${text('x'.repeat(41))}'.`);
    expect(validateDefinition(text('Good-Label_1')).result).toBe('OK');
  });
});

describe('invalidDefinitionMessage', () => {
  it('joins every error as CODE: message at location', () => {
    const diagnostics = [schema('A', '/States/X'), err('MISSING_END_STATE', 'B'), { severity: 'WARNING', code: 'NO_DOLLAR', message: 'C' } as Diagnostic];
    expect(invalidDefinitionMessage(diagnostics)).toBe("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: A at /States/X, MISSING_END_STATE: B at null'");
  });
});
