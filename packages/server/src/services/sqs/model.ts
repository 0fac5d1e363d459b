import { createRequire } from 'node:module';
import type { ServiceModel } from '../../protocols/model.js';

// JSON import attributes need Node 20.10+/22; createRequire works on every supported version.
const require = createRequire(import.meta.url);
export const sqsModel = require('../../protocols/models/sqs.model.json') as ServiceModel;
