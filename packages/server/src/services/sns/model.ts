import { createRequire } from 'node:module';
import type { ServiceModel } from '../../protocols/model.js';

const require = createRequire(import.meta.url);
export const snsModel = require('../../protocols/models/sns.model.json') as ServiceModel;
