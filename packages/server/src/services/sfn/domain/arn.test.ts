import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../protocols/errors.js';
import {
  expressExecutionArn,
  parseStatesArn,
  readExecutionArn,
  readStateMachineArn,
} from './arn.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return `${err.type}: ${err.message}`;
    throw err;
  }
  return 'no error';
}

describe('Step Functions ARNs', () => {
  it('reports a string that is not a states ARN as an invalid prefix, as AWS words it', () => {
    expect(messageOf(() => readStateMachineArn('not_a_valid_arn'))).toBe(
      "InvalidArn: Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'",
    );
    expect(parseStatesArn('arn:aws:sqs:us-east-1:000000000000:q')).toBeInstanceOf(AwsError);
  });

  it('refuses an Express execution ARN where only Standard executions are valid', () => {
    const arn = expressExecutionArn('us-east-1', '000000000000', 'sm', 'name', 'id');
    expect(messageOf(() => readExecutionArn(arn))).toBe(
      "InvalidArn: Invalid Arn: 'Resource type not valid in this context: express'",
    );
    expect(readExecutionArn(arn, true)).toMatchObject({
      express: true,
      machineName: 'sm',
      name: 'name',
    });
  });

  it('reads a state machine ARN with and without a version qualifier', () => {
    expect(
      readStateMachineArn('arn:aws:states:us-east-1:000000000000:stateMachine:sm'),
    ).toMatchObject({ name: 'sm', qualifier: undefined });
    expect(
      readStateMachineArn('arn:aws:states:us-east-1:000000000000:stateMachine:sm:2'),
    ).toMatchObject({ name: 'sm', qualifier: '2' });
  });
});
