#!/usr/bin/env node
// Turns the schemas that ship inside the official @aws-sdk/client-* packages into the compact
// JSON models the server's protocol codecs read. Run after upgrading a client package:
//   npm run gen:models
// The output is committed, so the server needs no AWS SDK at run time.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'packages', 'server', 'src', 'protocols', 'models');

const SERVICES = [
  { id: 'sqs', pkg: '@aws-sdk/client-sqs', client: 'SQSClient', signingName: 'sqs', xmlNamespace: 'http://queue.amazonaws.com/doc/2012-11-05/' },
  { id: 'sns', pkg: '@aws-sdk/client-sns', client: 'SNSClient', signingName: 'sns', xmlNamespace: 'http://sns.amazonaws.com/doc/2010-03-31/' },
  // Step Functions speaks only AWS JSON 1.0 (X-Amz-Target: AWSStepFunctions.<Op>); signed as `states`.
  { id: 'sfn', pkg: '@aws-sdk/client-sfn', client: 'SFNClient', signingName: 'states', xmlNamespace: '' },
];

// Numeric codes of @smithy/core's schema sentinels.
const SIMPLE = { 0: 'string', 1: 'number', 2: 'boolean', 15: 'document', 21: 'blob', 4: 'timestamp', 5: 'timestamp', 6: 'timestamp', 7: 'timestamp', 17: 'bigint', 19: 'bigdecimal' };
const LIST = 64;
const MAP = 128;

function convert(svc) {
  const mod = require(svc.pkg);
  const client = new mod[svc.client]({ region: 'us-east-1' });
  const settings = client.config.protocolSettings;
  const shapes = {};
  const operations = {};
  const errors = {};

  function ref(schema, traits = {}) {
    const out = {};
    if (traits.xmlName) out.xmlName = traits.xmlName;
    if (traits.xmlFlattened) out.flattened = true;
    const s = typeof schema === 'function' ? schema() : schema;
    if (typeof s === 'number') {
      if (s & LIST) return { ...out, type: 'list', member: { type: SIMPLE[s & ~LIST] } };
      if (s & MAP) return { ...out, type: 'map', key: { type: 'string' }, value: { type: SIMPLE[s & ~MAP] } };
      if (!(s in SIMPLE)) throw new Error(`unknown simple schema ${s}`);
      return { ...out, type: SIMPLE[s] };
    }
    if (s === 'unit') return { ...out, type: 'unit' };
    if (Array.isArray(s) && Array.isArray(s[0]) === false && typeof s[0] === 'number' && typeof s[1] === 'string' && s.length >= 3 && typeof s[2] === 'string') {
      if (s[0] === 0) return ref(s[4], {});
      return { ...out, shape: named(s) };
    }
    if (Array.isArray(s)) {
      // [schema, traits] pair used for list members and map keys/values
      return ref(s[0], s[1] || {});
    }
    throw new Error(`cannot convert ${JSON.stringify(s)}`);
  }

  function named(s) {
    const [kind, , name] = s;
    if (shapes[name] || errors[name]) return name;
    if (kind === 3 || kind === -3) {
      const [, , , traits, memberNames, memberSchemas, requiredCount = 0] = s;
      const placeholder = { type: 'structure', members: {}, required: memberNames.slice(0, requiredCount) };
      if (traits && traits.xmlName) placeholder.xmlName = traits.xmlName;
      if (kind === -3) {
        const q = traits.awsQueryError;
        errors[name] = {
          code: q ? q[0] : name,
          status: traits.httpError ?? (q ? q[1] : 400),
          fault: traits.error === 'server' ? 'Receiver' : 'Sender',
        };
        return name;
      }
      shapes[name] = placeholder;
      memberNames.forEach((m, i) => {
        const ms = memberSchemas[i];
        placeholder.members[m] = Array.isArray(ms) && ms.length === 2 && !(typeof ms[1] === 'string') ? ref(ms[0], ms[1]) : ref(ms);
      });
      return name;
    }
    if (kind === 0) {
      // A named simple shape with traits (e.g. sensitive strings): its target is the simple type.
      return undefined;
    }
    if (kind === 1) {
      const [, , , , member] = s;
      shapes[name] = { type: 'list', member: ref(member) };
      return name;
    }
    if (kind === 2) {
      const [, , , , key, value] = s;
      shapes[name] = { type: 'map', key: ref(key), value: ref(value) };
      return name;
    }
    throw new Error(`unknown schema kind ${kind} for ${name}`);
  }

  for (const [exportName, value] of Object.entries(mod)) {
    if (!exportName.endsWith('$') || !Array.isArray(value)) continue;
    if (value[0] === 9) {
      const [, , name, , input, output] = value;
      const inRef = ref(input);
      const outRef = ref(output);
      operations[name] = { input: inRef.shape ?? null, output: outRef.shape ?? null };
    } else if (value[0] === -3) {
      named(value);
    }
  }
  delete errors[`${svc.client.replace(/Client$/, '')}ServiceException`];
  const model = {
    service: svc.id,
    source: `${svc.pkg}@${require(`${svc.pkg}/package.json`).version}`,
    apiVersion: settings.version,
    targetPrefix: settings.serviceTarget,
    awsQueryCompatible: Boolean(settings.awsQueryCompatible),
    namespace: settings.defaultNamespace,
    signingName: svc.signingName,
    xmlNamespace: svc.xmlNamespace,
    operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))),
    shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))),
    errors: Object.fromEntries(Object.entries(errors).sort(([a], [b]) => a.localeCompare(b))),
  };
  const file = join(outDir, `${svc.id}.model.json`);
  writeFileSync(file, JSON.stringify(model, null, 1) + '\n');
  writeFileSync(join(outDir, `${svc.id}.types.ts`), typesFor(model));
  console.log(`wrote ${file}: ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes, ${Object.keys(errors).length} errors`);
}

// TypeScript interfaces for the model's shapes, so handlers are typed by the same model.
function typesFor(model) {
  const tsType = (r) => {
    if (r.shape) {
      const s = model.shapes[r.shape];
      return s.type === 'structure' ? r.shape : tsType(s);
    }
    switch (r.type) {
      case 'string': return 'string';
      case 'number': return 'number';
      case 'boolean': return 'boolean';
      case 'blob': return 'Uint8Array';
      case 'timestamp': return 'Date';
      case 'list': return `Array<${tsType(r.member)}>`;
      case 'map': return `Record<string, ${tsType(r.value)}>`;
      default: return 'unknown';
    }
  };
  const lines = [`// Generated by scripts/gen-models.mjs from ${model.source}. Do not edit.`, ''];
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (shape.type !== 'structure') continue;
    if (Object.keys(shape.members).length === 0) {
      lines.push(`export type ${name} = Record<string, never>;`, '');
      continue;
    }
    lines.push(`export interface ${name} {`);
    for (const [m, r] of Object.entries(shape.members)) {
      lines.push(`  ${m}${shape.required.includes(m) ? '' : '?'}: ${tsType(r)};`);
    }
    lines.push('}', '');
  }
  lines.push(`export type ${model.service[0].toUpperCase()}${model.service.slice(1)}OperationName =`);
  lines.push(Object.keys(model.operations).map((o) => `  | '${o}'`).join('\n') + ';', '');
  return lines.join('\n');
}

for (const svc of SERVICES) convert(svc);
