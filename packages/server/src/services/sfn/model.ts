import { createRequire } from 'node:module';
import type { ServiceModel } from '../../protocols/model.js';

const require = createRequire(import.meta.url);
export const sfnModel = require('../../protocols/models/sfn.model.json') as ServiceModel;
