import { validateDefinition } from '@tributary/asl';
import type {
  ValidateStateMachineDefinitionInput,
  ValidateStateMachineDefinitionOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { checkMachineType } from '../domain/definition.js';
import { must, validationError } from '../errors.js';
import type { SfnRuntime } from '../runtime.js';

const SEVERITIES = ['ERROR', 'WARNING'];
const MAX_DIAGNOSTICS = 100;

/** severity ERROR (the default) returns errors only, WARNING both; at most maxResults (≤ 100) diagnostics. */
export function validateStateMachineDefinition(
  _sfn: SfnRuntime,
  input: ValidateStateMachineDefinitionInput,
  _ctx: RequestContext,
): Promise<ValidateStateMachineDefinitionOutput> {
  const type = must(checkMachineType(input.type));
  const severity = input.severity ?? 'ERROR';
  if (!SEVERITIES.includes(severity))
    throw validationError(
      'severity',
      severity,
      `Member must satisfy enum value set: [${SEVERITIES.join(', ')}]`,
    );
  const max =
    input.maxResults === undefined || input.maxResults === 0 ? MAX_DIAGNOSTICS : input.maxResults;
  if (max > MAX_DIAGNOSTICS)
    throw validationError(
      'maxResults',
      max,
      `Member must have value less than or equal to ${MAX_DIAGNOSTICS}`,
    );
  if (max < 0)
    throw validationError('maxResults', max, 'Member must have value greater than or equal to 0');
  const result = validateDefinition(input.definition, { type });
  const shown = result.diagnostics.filter((d) => severity === 'WARNING' || d.severity === 'ERROR');
  return Promise.resolve({
    result: result.result,
    diagnostics: shown.slice(0, max).map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.location !== undefined ? { location: d.location } : {}),
    })),
    truncated: shown.length > max,
  });
}
