import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../paths/json.js';
import { variableReferences, type VariableReferences } from './variable-references.js';

// The definitions of LocalStack's test_sfn_api_variable_references.py as sent to AWS, and the
// variableReferences AWS returned for them (DescribeStateMachine and
// DescribeStateMachineForExecution agree); undefined where AWS left the member out.
const RECORDED: ReadonlyArray<readonly [string, JsonObject, VariableReferences | undefined]> = [
  [
    'BASE_REFERENCE_IN_PARAMETERS',
    {
      Comment: 'BASE_REFERENCE_IN_PARAMETERS',
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Pass',
          Parameters: { result: '$result' },
          Assign: { result: 'foobar' },
          Next: 'State1',
        },
        State1: {
          Type: 'Pass',
          ResultPath: '$.result',
          Parameters: { 'result.$': '$result' },
          End: true,
        },
      },
    },
    { State1: ['result'] },
  ],
  [
    'BASE_REFERENCE_IN_CHOICE',
    {
      Comment: 'BASE_REFERENCE_IN_CHOICE',
      StartAt: 'Setup',
      States: {
        Setup: {
          Type: 'Pass',
          Assign: { guess: 'the_guess', answer: 'the_answer' },
          Next: 'CheckAnswer',
        },
        CheckAnswer: {
          Type: 'Choice',
          Choices: [{ Variable: '$guess', StringEqualsPath: '$answer', Next: 'CorrectAnswer' }],
          Default: 'WrongAnswer',
        },
        CorrectAnswer: { Type: 'Pass', Result: { state: 'CORRECT' }, End: true },
        WrongAnswer: {
          Type: 'Pass',
          Assign: { 'guess.$': '$answer' },
          Result: { state: 'WRONG' },
          Next: 'CheckAnswer',
        },
      },
    },
    { CheckAnswer: ['answer', 'guess'], WrongAnswer: ['answer'] },
  ],
  [
    'BASE_REFERENCE_IN_WAIT',
    {
      Comment: 'BASE_REFERENCE_IN_WAIT',
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Pass',
          Assign: { waitTime: 0, startAt: '2024-11-06T09:42:03Z' },
          Next: 'WaitSecondsState',
        },
        WaitSecondsState: { Type: 'Wait', SecondsPath: '$waitTime', Next: 'WaitUntilState' },
        WaitUntilState: { Type: 'Wait', TimestampPath: '$startAt', End: true },
      },
    },
    { WaitSecondsState: ['waitTime'], WaitUntilState: ['startAt'] },
  ],
  [
    'BASE_REFERENCE_IN_ITERATOR_OUTER_SCOPE',
    {
      Comment: 'BASE_REFERENCE_IN_ITERATOR_OUTER_SCOPE',
      StartAt: 'Input',
      States: {
        Input: {
          Type: 'Pass',
          Result: [
            [9, 44, 6],
            [82, 25, 76],
            [18, 42, 2],
          ],
          Assign: { bias: 4.3 },
          Next: 'IterateLevels',
        },
        IterateLevels: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'AssignCurrentVector',
            States: {
              AssignCurrentVector: {
                Type: 'Pass',
                Assign: { 'xCurrent.$': '$[0]', 'yCurrent.$': '$[1]', 'zCurrent.$': '$[2]' },
                Next: 'Calculate',
              },
              Calculate: {
                Type: 'Map',
                MaxConcurrency: 1,
                ItemProcessor: {
                  ProcessorConfig: { Mode: 'INLINE' },
                  StartAt: 'Summate',
                  States: {
                    Summate: {
                      Type: 'Pass',
                      Assign: {
                        'Sum.$':
                          'States.MathAdd(States.MathAdd(States.MathAdd($yCurrent, $xCurrent), $zCurrent), $bias)',
                      },
                      End: true,
                    },
                  },
                },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    },
    { Summate: ['bias', 'xCurrent', 'yCurrent', 'zCurrent'] },
  ],
  [
    'BASE_REFERENCE_IN_INPUTPATH',
    {
      Comment: 'BASE_REFERENCE_IN_INPUTPATH',
      StartAt: 'State0',
      States: {
        State0: { Type: 'Pass', Assign: { theAnswer: 42 }, Next: 'State1' },
        State1: { Type: 'Pass', InputPath: '$theAnswer', End: true },
      },
    },
    { State1: ['theAnswer'] },
  ],
  [
    'BASE_REFERENCE_IN_OUTPUTPATH',
    {
      Comment: 'BASE_REFERENCE_IN_OUTPUTPATH',
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Pass',
          Result: { answer: 42 },
          Assign: { 'theAnswer.$': '$.answer' },
          Next: 'State1',
        },
        State1: { Type: 'Pass', OutputPath: '$theAnswer', End: true },
      },
    },
    { State1: ['theAnswer'] },
  ],
  [
    'BASE_REFERENCE_IN_INTRINSIC_FUNCTION',
    {
      Comment: 'BASE_REFERENCE_IN_INTRINSIC_FUNCTION',
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Pass',
          Assign: {
            inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9],
            duplicateArray: [1, 2, 2, 3, 3, 4],
            rawString: 'Hello World',
            encodedString: 'SGVsbG8gV29ybGQ=',
            inputString: 'Hash this string',
            json1: { a: 1, b: 2 },
            json2: { c: 3, d: 4 },
            jsonString: '{"key":"value"}',
            jsonObject: { test: 'object' },
            value1: 5,
            value2: 3,
            csvString: 'a,b,c,d,e',
            name: 'John',
            place: 'LocalStack',
            additionalInfo: { age: 30, role: 'developer' },
          },
          Next: 'State1',
        },
        State1: {
          Type: 'Pass',
          Parameters: {
            encodingOps: {
              'encoded.$': 'States.Base64Encode($rawString)',
              'decoded.$': 'States.Base64Decode($encodedString)',
            },
            hashOps: { 'hashValue.$': "States.Hash($inputString, 'SHA-256')" },
            jsonOps: {
              'mergedJson.$': 'States.JsonMerge($json1, $json2, false)',
              'parsedJson.$': 'States.StringToJson($jsonString)',
              'stringifiedJson.$': 'States.JsonToString($jsonObject)',
            },
            mathOps: { 'sum.$': 'States.MathAdd($value1, $value2)' },
            stringOps: {
              'splitString.$': "States.StringSplit($csvString, ',')",
              'formattedString.$': "States.Format('Hello {}, welcome to {}!', $name, $place)",
            },
            uuidOp: { 'uniqueId.$': 'States.UUID()' },
          },
          End: true,
        },
      },
    },
    {
      State1: [
        'csvString',
        'encodedString',
        'inputString',
        'json1',
        'json2',
        'jsonObject',
        'jsonString',
        'name',
        'place',
        'rawString',
        'value1',
        'value2',
      ],
    },
  ],
  [
    'BASE_REFERENCE_IN_FAIL',
    {
      Comment: 'BASE_REFERENCE_IN_FAIL',
      StartAt: 'Pass',
      States: {
        Pass: {
          Type: 'Pass',
          Assign: { errorVar: 'Exception', causeVar: 'An Exception was encountered' },
          Next: 'Fail',
        },
        Fail: { Type: 'Fail', CausePath: '$causeVar', ErrorPath: '$errorVar' },
      },
    },
    { Fail: ['causeVar', 'errorVar'] },
  ],
  [
    'BASE_ASSIGN_FROM_PARAMETERS',
    {
      Comment: 'BASE_ASSIGN_FROM_PARAMETERS',
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Pass',
          Parameters: { input: 'PENDING' },
          Assign: { 'result.$': '$.input' },
          Next: 'State1',
        },
        State1: {
          Type: 'Pass',
          Assign: { result: 'SUCCESS', 'originalResult.$': '$.input' },
          End: true,
        },
      },
    },
    undefined,
  ],
  [
    'BASE_ASSIGN_FROM_RESULT',
    {
      Comment: 'BASE_ASSIGN_FROM_RESULT',
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Pass',
          Result: { answer: 42 },
          Assign: { 'theAnswer.$': '$.answer' },
          End: true,
        },
      },
    },
    undefined,
  ],
  [
    'BASE_ASSIGN_FROM_INTRINSIC_FUNCTION',
    {
      Comment: 'BASE_ASSIGN_FROM_INTRINSIC_FUNCTION',
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Pass',
          Result: {
            inputArray: [1, 2, 3, 4, 5, 6],
            duplicateArray: [1, 2, 2, 3, 3, 4],
            rawString: 'Hello World',
            encodedString: 'SGVsbG8gV29ybGQ=',
            inputString: 'Hash this string',
            json1: { a: 1, b: 2 },
            json2: { c: 3, d: 4 },
            jsonString: '{"key":"value"}',
            jsonObject: { test: 'object' },
            value1: 5,
            value2: 3,
            csvString: 'a,b,c,d,e',
            name: 'John',
            place: 'LocalStack',
            additionalInfo: { age: 30, role: 'developer' },
          },
          Assign: {
            arrayOps: {
              'simpleArray.$': "States.Array('a', 'b', 'c')",
              'partitionedArray.$': 'States.ArrayPartition($.inputArray, 2)',
              'containsElement.$': 'States.ArrayContains($.inputArray, 5)',
              'numberRange.$': 'States.ArrayRange(1, 10, 2)',
              'thirdElement.$': 'States.ArrayGetItem($.inputArray, 2)',
              'arraySize.$': 'States.ArrayLength($.inputArray)',
              'uniqueValues.$': 'States.ArrayUnique($.duplicateArray)',
            },
            encodingOps: {
              'encoded.$': 'States.Base64Encode($.rawString)',
              'decoded.$': 'States.Base64Decode($.encodedString)',
            },
            hashOps: { 'hashValue.$': "States.Hash($.inputString, 'SHA-256')" },
            jsonOps: {
              'mergedJson.$': 'States.JsonMerge($.json1, $.json2, false)',
              'parsedJson.$': 'States.StringToJson($.jsonString)',
              'stringifiedJson.$': 'States.JsonToString($.jsonObject)',
            },
            mathOps: { 'sum.$': 'States.MathAdd($.value1, $.value2)' },
            stringOps: {
              'splitString.$': "States.StringSplit($.csvString, ',')",
              'formattedString.$': "States.Format('Hello {}, welcome to {}!', $.name, $.place)",
            },
            uuidOp: { 'uniqueId.$': 'States.UUID()' },
          },
          End: true,
        },
      },
    },
    undefined,
  ],
  [
    'BASE_EVALUATION_ORDER_PASS_STATE',
    {
      Comment: 'BASE_EVALUATION_ORDER_PASS_STATE',
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Pass',
          Result: { theQuestion: 'What is the answer to life the universe and everything?' },
          Assign: { 'question.$': '$.theQuestion', answer: 42 },
          Next: 'State1',
        },
        State1: {
          Type: 'Pass',
          InputPath: '$answer',
          ResultPath: '$.theAnswer',
          OutputPath: '$answer',
          Assign: { answer: '<omitted>' },
          End: true,
        },
      },
    },
    { State1: ['answer'] },
  ],
  [
    'MAP_STATE_REFERENCE_IN_INTRINSIC_FUNCTION',
    {
      Comment: 'MAP_STATE_REFERENCE_IN_INTRINSIC_FUNCTION',
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Pass',
          Assign: { AnswerTemplate: "It's {}!", Question: "Who's that Pokemon?" },
          Result: ['Charizard', 'Pikachu', 'Squirtle'],
          Next: 'MapIterateState',
        },
        MapIterateState: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemSelector: {
            'AnnouncePokemon.$': 'States.Format($AnswerTemplate, $$.Map.Item.Value)',
          },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Pass',
            States: {
              Pass: {
                Type: 'Pass',
                Parameters: { 'Question.$': '$Question', 'Answer.$': '$.AnnouncePokemon' },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    },
    { MapIterateState: ['AnswerTemplate'], Pass: ['Question'] },
  ],
  [
    'MAP_STATE_REFERENCE_IN_ITEMS_PATH',
    {
      Comment: 'MAP_STATE_REFERENCE_IN_ITEMS_PATH',
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Pass',
          Assign: {
            Question: "Who's that Pokemon?",
            PokemonList: ['Charizard', 'Pikachu', 'Squirtle'],
          },
          Result: { AnswerTemplate: "It's {}!" },
          Next: 'MapIterateState',
        },
        MapIterateState: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemsPath: '$PokemonList',
          ItemSelector: {
            'AnnouncePokemon.$': 'States.Format($.AnswerTemplate, $$.Map.Item.Value)',
          },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Pass',
            States: {
              Pass: {
                Type: 'Pass',
                Parameters: { 'Question.$': '$Question', 'Answer.$': '$.AnnouncePokemon' },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    },
    { MapIterateState: ['PokemonList'], Pass: ['Question'] },
  ],
  [
    'MAP_STATE_REFERENCE_IN_MAX_CONCURRENCY_PATH',
    {
      Comment: 'MAP_STATE_REFERENCE_IN_MAX_CONCURRENCY_PATH',
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Pass',
          Assign: { maxConcurrency: '1' },
          Result: { Values: [1, 2, 3] },
          Next: 'MapState',
        },
        MapState: {
          Type: 'Map',
          ItemsPath: '$.Values',
          MaxConcurrencyPath: '$maxConcurrency',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'HandleItem',
            States: { HandleItem: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    },
    { MapState: ['maxConcurrency'] },
  ],
  [
    'MAP_STATE_REFERENCE_IN_TOLERATED_FAILURE_PATH',
    {
      Comment: 'MAP_STATE_REFERENCE_IN_TOLERATED_FAILURE_PATH',
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Pass',
          Assign: { toleratedFailurePercentage: '1', toleratedFailureCount: '1' },
          Result: { Values: [1, 2, 3] },
          Next: 'MapState',
        },
        MapState: {
          Type: 'Map',
          ItemsPath: '$.Values',
          MaxConcurrency: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'HandleItem',
            States: { HandleItem: { Type: 'Pass', End: true } },
          },
          ToleratedFailurePercentagePath: '$toleratedFailurePercentage',
          ToleratedFailureCountPath: '$toleratedFailureCount',
          End: true,
        },
      },
    },
    { MapState: ['toleratedFailureCount', 'toleratedFailurePercentage'] },
  ],
  [
    'MAP_STATE_REFERENCE_IN_ITEM_SELECTOR',
    {
      Comment: 'MAP_STATE_REFERENCE_IN_ITEM_SELECTOR',
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Pass',
          Assign: { bucket: 'test-name' },
          Result: { Values: [1, 2, 3] },
          Next: 'MapState',
        },
        MapState: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemsPath: '$.Values',
          ItemSelector: { 'value.$': '$$.Map.Item.Value', bucketName: '$bucket' },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'MapPass',
            States: { MapPass: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    },
    undefined,
  ],
  [
    'MAP_STATE_REFERENCE_IN_MAX_ITEMS_PATH',
    {
      Comment: 'MAP_STATE_REFERENCE_IN_MAX_ITEMS_PATH',
      StartAt: 'Start',
      States: {
        Start: { Type: 'Pass', Assign: { maxItems: '2' }, Next: 'MapState' },
        MapState: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemReader: {
            ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$maxItems' },
            Resource: 'arn:aws:states:::s3:getObject',
            Parameters: { 'Bucket.$': '$.Bucket', 'Key.$': '$.Key' },
          },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'PassItem',
            States: { PassItem: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    },
    { MapState: ['maxItems'] },
  ],
  [
    'CHOICE_CONDITION_CONSTANT_JSONATA',
    {
      StartAt: 'ChoiceState',
      States: {
        ChoiceState: {
          Type: 'Choice',
          QueryLanguage: 'JSONata',
          Choices: [{ Condition: true, Next: 'ConditionTrue' }],
          Default: 'DefaultState',
        },
        ConditionTrue: { Type: 'Pass', End: true },
        DefaultState: { Type: 'Fail', Cause: 'Condition is false' },
      },
    },
    undefined,
  ],
  [
    'CHOICE_STATE_UNSORTED_CHOICE_PARAMETERS_JSONATA',
    {
      StartAt: 'CheckResult',
      States: {
        CheckResult: {
          Type: 'Choice',
          QueryLanguage: 'JSONata',
          Choices: [
            { Condition: '{% $states.input.result.done %}', Next: 'FinishTrue' },
            { Condition: '{% $not($states.input.result.done) %}', Next: 'FinishFalse' },
          ],
        },
        FinishTrue: { End: true, Type: 'Pass' },
        FinishFalse: { End: true, Type: 'Pass' },
      },
    },
    undefined,
  ],
];

describe('variableReferences: the recorded AWS answers', () => {
  for (const [name, definition, expected] of RECORDED) {
    it(name, () => {
      expect(variableReferences(definition)).toEqual(expected);
      expect(variableReferences(JSON.stringify(definition))).toEqual(expected);
    });
  }
});

/** A one-state machine (plus nothing else) in the given language. */
function machine(state: JsonObject, language?: 'JSONata'): JsonObject {
  return { ...(language ? { QueryLanguage: language } : {}), StartAt: 'S', States: { S: state } };
}

describe('variableReferences: JSONPath fields', () => {
  it('reduces a variable path to its name and ignores input and context paths', () => {
    expect(variableReferences(machine({ Type: 'Pass', InputPath: '$x.y[0]', End: true }))).toEqual({
      S: ['x'],
    });
    expect(
      variableReferences(machine({ Type: 'Pass', InputPath: "$x['a b'].c", End: true })),
    ).toEqual({ S: ['x'] });
    expect(
      variableReferences(
        machine({ Type: 'Pass', InputPath: '$.x', OutputPath: '$$.Execution', End: true }),
      ),
    ).toBeUndefined();
  });

  it('does not read through ResultPath or Result', () => {
    expect(
      variableReferences(
        machine({ Type: 'Pass', ResultPath: '$.a', Result: { 'a.$': '$x' }, End: true }),
      ),
    ).toBeUndefined();
  });

  it('reads Task timeouts, Credentials, ResultSelector and Catch Assign', () => {
    const task: JsonObject = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      TimeoutSecondsPath: '$timeout',
      HeartbeatSecondsPath: '$beat',
      Credentials: { 'RoleArn.$': '$role' },
      Parameters: { list: [{ 'deep.$': 'States.Format($fmt, $.a)' }], literal: '$notRead' },
      ResultSelector: { 'r.$': '$sel.x' },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'S', Assign: { 'e.$': '$onError' } }],
      End: true,
    };
    expect(variableReferences(machine(task))).toEqual({
      S: ['beat', 'fmt', 'onError', 'role', 'sel', 'timeout'],
    });
  });

  it('reads Choice operands under And, Or and Not, and rule Assign', () => {
    const choice: JsonObject = {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$a', NumericGreaterThanPath: '$b' },
            { Not: { Variable: '$.c', IsPresent: true } },
            { Or: [{ Variable: '$d', StringEquals: '$literal' }] },
          ],
          Assign: { 'z.$': '$e' },
          Next: 'S',
        },
      ],
      Default: 'S',
    };
    expect(variableReferences(machine(choice))).toEqual({ S: ['a', 'b', 'd', 'e'] });
  });

  it('reads Map ItemReader, ItemBatcher and ResultWriter fields', () => {
    const map: JsonObject = {
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$max' },
        Parameters: { 'Bucket.$': '$bucket' },
      },
      ItemBatcher: { MaxItemsPerBatchPath: '$perBatch', BatchInput: { 'b.$': '$batchInput' } },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { 'Prefix.$': '$prefix' },
      },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'P',
        States: { P: { Type: 'Pass', End: true } },
      },
      End: true,
    };
    expect(variableReferences(machine(map))).toEqual({
      S: ['batchInput', 'bucket', 'max', 'perBatch', 'prefix'],
    });
  });

  it('names states inside Parallel branches and the deprecated Iterator', () => {
    const definition: JsonObject = {
      StartAt: 'Par',
      States: {
        Par: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'B1', States: { B1: { Type: 'Pass', OutputPath: '$one', End: true } } },
            { StartAt: 'B2', States: { B2: { Type: 'Wait', SecondsPath: '$two', End: true } } },
          ],
          Next: 'Old',
        },
        Old: {
          Type: 'Map',
          Iterator: {
            StartAt: 'I',
            States: { I: { Type: 'Fail', ErrorPath: "States.Format('{}', $three)" } },
          },
          End: true,
        },
      },
    };
    expect(variableReferences(definition)).toEqual({ B1: ['one'], B2: ['two'], I: ['three'] });
  });

  it('sorts by code unit, as Java does', () => {
    const pass: JsonObject = {
      Type: 'Pass',
      Parameters: { 'a.$': '$b', 'b.$': '$B', 'c.$': '$a', 'd.$': '$_' },
      End: true,
    };
    expect(variableReferences(machine(pass))).toEqual({ S: ['B', '_', 'a', 'b'] });
  });
});

describe('variableReferences: JSONata expressions', () => {
  it('reads $name in any field, at any depth, but not $states or function calls', () => {
    const pass: JsonObject = {
      Type: 'Pass',
      Output: { a: '{% $x.y[0] %}', list: ['{% $not($flag) %}', 'plain $notRead'] },
      Assign: { v: '{% $count + 1 %}', w: '{% $states.input.w %}' },
      End: true,
    };
    expect(variableReferences(machine(pass, 'JSONata'))).toEqual({ S: ['count', 'flag', 'x'] });
  });

  it('reads Choice conditions, rule and Catch Assign/Output, Task fields and Map Items', () => {
    const definition: JsonObject = {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            {
              Condition: '{% $a > 1 %}',
              Assign: { b: '{% $b2 %}' },
              Output: '{% $c %}',
              Next: 'T',
            },
          ],
          Default: 'T',
        },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: '{% $fn %}', Payload: '{% $states.input %}' },
          TimeoutSeconds: '{% $timeout %}',
          Catch: [
            {
              ErrorEquals: ['States.ALL'],
              Output: '{% $states.errorOutput %}',
              Assign: { e: '{% $err %}' },
              Next: 'M',
            },
          ],
          Next: 'M',
        },
        M: {
          Type: 'Map',
          Items: '{% $items %}',
          MaxConcurrency: '{% $max %}',
          ItemProcessor: {
            StartAt: 'In',
            States: { In: { Type: 'Succeed', Output: '{% $inner %}' } },
          },
          End: true,
        },
      },
    };
    expect(variableReferences(definition)).toEqual({
      C: ['a', 'b2', 'c'],
      T: ['err', 'fn', 'timeout'],
      M: ['items', 'max'],
      In: ['inner'],
    });
  });

  it('leaves out names the expression binds itself', () => {
    const pass: JsonObject = {
      Type: 'Pass',
      Output: {
        block: '{% ($z := $seed; $z + $q) %}',
        lambda: '{% $map($list, function($v){ $v * $k }) %}',
        focus: '{% $states.input.items@$i#$j.($i + $j + $m) %}',
        shadowFirst: '{% ($r := $r + 1; $r) %}',
      },
      End: true,
    };
    expect(variableReferences(machine(pass, 'JSONata'))).toEqual({
      S: ['k', 'list', 'm', 'q', 'r', 'seed'],
    });
  });

  it('reads predicates, grouping, sorting, conditions, objects and transforms', () => {
    const pass: JsonObject = {
      Type: 'Pass',
      Output: {
        p: '{% $h[$k2 > 1] %}',
        g: '{% $states.input.a{$grp: $val} %}',
        s: '{% $states.input.a^($o) %}',
        c: '{% $e ? $f : -$g %}',
        o: '{% {"k": $ob, $key: [$arr]} %}',
        t: '{% $states.input ~> |a|{"b": $u}| %}',
      },
      End: true,
    };
    expect(variableReferences(machine(pass, 'JSONata'))).toEqual({
      S: ['arr', 'e', 'f', 'g', 'grp', 'h', 'k2', 'key', 'o', 'ob', 'u', 'val'],
    });
  });

  it('ignores $ and $$, literal strings, and JSONata text in JSONPath states', () => {
    const definition: JsonObject = {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Pass',
          QueryLanguage: 'JSONata',
          Output: { a: '{% $ %}', b: ' {% $x %}', c: 'text' },
          Next: 'B',
        },
        B: { Type: 'Pass', Parameters: { a: '{% $y %}' }, End: true },
      },
    };
    expect(variableReferences(definition)).toBeUndefined();
  });

  it('mixes languages per state', () => {
    const definition: JsonObject = {
      QueryLanguage: 'JSONPath',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $x %}', Next: 'B' },
        B: { Type: 'Pass', InputPath: '$y', End: true },
      },
    };
    expect(variableReferences(definition)).toEqual({ A: ['x'], B: ['y'] });
  });
});

describe('variableReferences: state names', () => {
  it('keeps a state called __proto__ as an own member', () => {
    const references = variableReferences(
      '{"StartAt": "__proto__", "States": {"__proto__": {"Type": "Pass", "InputPath": "$x", "End": true}}}',
    );
    expect(Object.keys(references ?? {})).toEqual(['__proto__']);
    expect(JSON.stringify(references)).toBe('{"__proto__":["x"]}');
  });
});

describe('variableReferences: inputs that are not definitions', () => {
  it('returns undefined', () => {
    expect(variableReferences('{not json')).toBeUndefined();
    expect(variableReferences('[]')).toBeUndefined();
    expect(variableReferences({ StartAt: 'S' })).toBeUndefined();
  });
});

// Every DescribeStateMachine / DescribeStateMachineForExecution response in the corpus
// (../../../../../shared/conformance/sfn), against the definition the test last created or updated
// before the call. Skipped when the corpus is not on this machine.
const CORPUS = fileURLToPath(new URL('../../../../../shared/conformance/sfn/', import.meta.url));
const present = existsSync(`${CORPUS}cases.jsonl`) && existsSync(`${CORPUS}api_calls.jsonl`);
if (!present) console.log(`variableReferences corpus test skipped: ${CORPUS} is absent`);

interface Call {
  index: number;
  operation: string;
  params: Record<string, unknown>;
  snapshot_keys: string[];
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

describe.skipIf(!present)('variableReferences: every recorded Describe response', () => {
  const rows = present
    ? readJsonl<{
        nodeid: string;
        kind: string;
        snapshot_key: string;
        request?: { operation?: string };
        expected_response?: unknown;
      }>(`${CORPUS}cases.jsonl`).filter(
        (c) =>
          c.kind === 'api_response' &&
          (c.request?.operation === 'DescribeStateMachine' ||
            c.request?.operation === 'DescribeStateMachineForExecution') &&
          typeof c.expected_response === 'object' &&
          c.expected_response !== null &&
          'definition' in c.expected_response,
      )
    : [];
  const tests = new Map(
    present
      ? readJsonl<{ nodeid: string; calls: Call[] }>(`${CORPUS}api_calls.jsonl`).map((t) => [
          t.nodeid,
          t.calls,
        ])
      : [],
  );

  it('gives the recorded member, or none where AWS gave none', () => {
    let compared = 0;
    let withReferences = 0;
    for (const row of rows) {
      const calls = tests.get(row.nodeid) ?? [];
      const at = calls.find((c) => c.snapshot_keys.includes(row.snapshot_key));
      if (!at) continue;
      const source = calls
        .filter(
          (c) =>
            c.index < at.index &&
            (c.operation === 'CreateStateMachine' || c.operation === 'UpdateStateMachine'),
        )
        .map((c) => c.params.definition)
        .filter((d): d is string => typeof d === 'string')
        .at(-1);
      if (source === undefined) continue;
      const expected = (row.expected_response as { variableReferences?: VariableReferences })
        .variableReferences;
      expect(variableReferences(source), `${row.nodeid}#${row.snapshot_key}`).toEqual(expected);
      compared++;
      if (expected) withReferences++;
    }
    expect(withReferences).toBe(28);
    expect(compared).toBeGreaterThanOrEqual(80);
  });
});
