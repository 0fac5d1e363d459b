// How SNS decodes requests beyond the shared codec: its own missing-member errors, and required
// attribute maps left to the handlers, which check them after the ARN as AWS does (the query
// protocol cannot send an empty map, so an empty one arrives as missing).
import type { DecodeOptions } from '../../protocols/input.js';
import { missingMember } from './errors.js';
import { snsModel } from './model.js';

export const snsDecodeOptions: DecodeOptions = {
  missing: missingMember,
  leaveToHandler: (path, ref) =>
    path.length === 1 && (ref.type === 'map' || (ref.shape !== undefined && snsModel.shapes[ref.shape]?.type === 'map')),
};
