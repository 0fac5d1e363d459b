// An AWS error as it crosses the wire. `type` is the JSON protocol's shape name (`__type`),
// `code` the query protocol's code (and, for awsQueryCompatible services, the
// x-amzn-query-error header that SDKs prefer).
export interface AwsErrorSpec {
  type: string;
  code: string;
  status: number;
  fault?: 'Sender' | 'Receiver';
}

export class AwsError extends Error {
  readonly type: string;
  readonly code: string;
  readonly status: number;
  readonly fault: 'Sender' | 'Receiver';

  constructor(spec: AwsErrorSpec, message: string) {
    super(message);
    this.name = spec.type;
    this.type = spec.type;
    this.code = spec.code;
    this.status = spec.status;
    this.fault = spec.fault ?? 'Sender';
  }
}

export function awsError(type: string, status: number, code: string = type, fault: 'Sender' | 'Receiver' = 'Sender'): AwsErrorSpec {
  return { type, code, status, fault };
}

/** Errors every AWS query/JSON service shares (AWS "Common Errors"). */
export const CommonErrors = {
  InvalidParameterValue: awsError('InvalidParameterValueException', 400, 'InvalidParameterValue'),
  MissingParameter: awsError('MissingRequiredParameterException', 400, 'MissingParameter'),
  InvalidAction: awsError('InvalidAction', 400, 'InvalidAction'),
  MissingAction: awsError('MissingAction', 400, 'MissingAction'),
  UnknownOperation: awsError('UnknownOperationException', 400, 'InvalidAction'),
  SerializationException: awsError('SerializationException', 400, 'SerializationException'),
  InvalidQueryParameter: awsError('InvalidQueryParameter', 400, 'InvalidQueryParameter'),
  MalformedQueryString: awsError('MalformedQueryString', 404, 'MalformedQueryString'),
  InternalFailure: awsError('InternalFailure', 500, 'InternalFailure', 'Receiver'),
  ServiceUnavailable: awsError('ServiceUnavailable', 503, 'ServiceUnavailable', 'Receiver'),
} as const;

export function missingParameter(name: string): AwsError {
  return new AwsError(CommonErrors.MissingParameter, `The request must contain the parameter ${name}.`);
}

export function invalidParameterValue(message: string): AwsError {
  return new AwsError(CommonErrors.InvalidParameterValue, message);
}

/** AWS's usual wording for a value outside its constraints. */
export function invalidValue(parameter: string, value: unknown, reason: string): AwsError {
  return invalidParameterValue(`Value ${String(value)} for parameter ${parameter} is invalid. Reason: ${reason}`);
}
