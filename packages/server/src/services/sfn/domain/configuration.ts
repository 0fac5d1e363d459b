// The logging, tracing and encryption settings of a state machine: AWS's defaults (logging OFF
// without execution data, tracing off, an AWS-owned key) and its checks, returned in AWS's shape.
import type { AwsError } from '../../../protocols/errors.js';
import type {
  EncryptionConfiguration,
  LoggingConfiguration,
  TracingConfiguration,
} from '../../../protocols/models/sfn.types.js';
import { sfnError, validationError } from '../errors.js';

export const DEFAULT_LOGGING = { level: 'OFF', includeExecutionData: false } as const;
export const DEFAULT_TRACING = { enabled: false } as const;
export const DEFAULT_ENCRYPTION = { type: 'AWS_OWNED_KEY' } as const;

const LOG_LEVELS = ['ALL', 'ERROR', 'FATAL', 'OFF'];
const ENCRYPTION_TYPES = ['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KMS_KEY'];

export function loggingConfiguration(
  given: LoggingConfiguration | undefined,
): Record<string, unknown> | AwsError {
  if (!given) return { ...DEFAULT_LOGGING };
  const level = given.level ?? 'OFF';
  if (!LOG_LEVELS.includes(level)) {
    return validationError(
      'loggingConfiguration.level',
      level,
      `Member must satisfy enum value set: [${LOG_LEVELS.join(', ')}]`,
    );
  }
  const destinations = given.destinations ?? [];
  if ((level !== 'OFF' && destinations.length !== 1) || destinations.length > 1) {
    return sfnError(
      'InvalidLoggingConfiguration',
      'Invalid Logging Configuration: Must specify exactly one Log Destination.',
    );
  }
  const out: Record<string, unknown> = {
    level,
    includeExecutionData: given.includeExecutionData ?? false,
  };
  // Given destinations are reported back as given, an empty list included (as AWS does).
  if (given.destinations !== undefined) out.destinations = destinations;
  return out;
}

export function tracingConfiguration(
  given: TracingConfiguration | undefined,
): Record<string, unknown> {
  return { enabled: given?.enabled ?? false };
}

export function encryptionConfiguration(
  given: EncryptionConfiguration | undefined,
): Record<string, unknown> | AwsError {
  if (!given) return { ...DEFAULT_ENCRYPTION };
  if (!ENCRYPTION_TYPES.includes(given.type)) {
    return validationError(
      'encryptionConfiguration.type',
      given.type,
      `Member must satisfy enum value set: [${ENCRYPTION_TYPES.join(', ')}]`,
    );
  }
  if (given.type === 'CUSTOMER_MANAGED_KMS_KEY' && !given.kmsKeyId) {
    return sfnError(
      'InvalidEncryptionConfiguration',
      'Invalid Encryption Configuration: kmsKeyId must be specified for CUSTOMER_MANAGED_KMS_KEY.',
    );
  }
  if (given.type === 'AWS_OWNED_KEY' && given.kmsKeyId) {
    return sfnError(
      'InvalidEncryptionConfiguration',
      'Invalid Encryption Configuration: kmsKeyId must not be specified for AWS_OWNED_KEY.',
    );
  }
  const out: Record<string, unknown> = { type: given.type };
  if (given.kmsKeyId !== undefined) out.kmsKeyId = given.kmsKeyId;
  if (given.kmsDataKeyReusePeriodSeconds !== undefined)
    out.kmsDataKeyReusePeriodSeconds = given.kmsDataKeyReusePeriodSeconds;
  return out;
}

/** Configuration documents compare by content, whatever the order of their keys. */
export function sameConfiguration(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
