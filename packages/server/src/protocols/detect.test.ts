import { describe, expect, it } from 'vitest';
import { detectJson } from './detect.js';
import type { ServiceModel } from './model.js';
import type { Service } from './service.js';

function service(id: string, targetPrefix: string, signingName: string): Service {
  const model = {
    service: id,
    targetPrefix,
    signingName,
    operations: {},
    shapes: {},
    errors: {},
  } as unknown as ServiceModel;
  return { id, model, operations: {} };
}

const services = [service('sqs', 'AmazonSQS', 'sqs'), service('sfn', 'AWSStepFunctions', 'states')];

describe('detectJson', () => {
  it('finds the service by the X-Amz-Target prefix', () => {
    expect(detectJson(services, 'AWSStepFunctions.StartExecution')).toMatchObject({
      service: { id: 'sfn' },
      operation: 'StartExecution',
    });
    expect(detectJson(services, 'AmazonSQS.SendMessage')).toMatchObject({
      service: { id: 'sqs' },
      operation: 'SendMessage',
    });
  });

  it('falls back to the SigV4 signing name, naming no operation that exists', () => {
    expect(detectJson(services, 'Bogus.StartExecution', 'states')).toMatchObject({
      service: { id: 'sfn' },
      operation: 'Bogus.StartExecution',
    });
    expect(detectJson(services, 'Bogus.StartExecution')).toBeUndefined();
  });
});
