// Decodes a request's parameters into the operation's input structure, guided by the model:
// JSON bodies (already parsed) and query-protocol parameters (flattened, 1-based names).
// Wrong types and missing required members become AWS errors here, so handlers see typed input.
import { AwsError, CommonErrors, invalidValue, missingParameter } from './errors.js';
import { resolve, structure, type ServiceModel, type ShapeRef, type StructureShape } from './model.js';

type Json = unknown;

/** Where a value sits in the input: member names, list positions (1-based) and map keys. */
export type InputPath = Array<{ member: string } | { index: number } | { key: string }>;

export interface DecodeOptions {
  /** How the service reports a missing required member (default: MissingParameter). */
  missing?: (path: InputPath, queryName: string, ref: ShapeRef | undefined) => AwsError;
  /**
   * Required members the handler checks itself, because the service reports their absence only
   * after other checks (SNS: required maps, which the query protocol cannot send when empty).
   */
  leaveToHandler?: (path: InputPath, ref: ShapeRef) => boolean;
}

function mustHave(options: DecodeOptions, path: InputPath, ref: ShapeRef | undefined): boolean {
  return !(ref && options.leaveToHandler?.(path, ref));
}

function missingError(options: DecodeOptions, path: InputPath, queryName: string, ref?: ShapeRef): AwsError {
  return options.missing ? options.missing(path, queryName, ref) : missingParameter(queryName);
}

function describe(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function jsonTypeError(path: string, expected: string, value: Json): AwsError {
  return new AwsError(
    CommonErrors.SerializationException,
    `Value for ${path} must be of type ${expected}, got ${describe(value)}.`,
  );
}

export function decodeJsonInput(model: ServiceModel, shapeName: string | null, body: Json, options: DecodeOptions = {}): Record<string, unknown> {
  if (!shapeName) return {};
  if (body === undefined || body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new AwsError(CommonErrors.SerializationException, 'The request body must be a JSON object.');
  }
  return decodeJsonStructure(model, structure(model, shapeName), body as Record<string, Json>, '', [], options);
}

function decodeJsonStructure(
  model: ServiceModel,
  shape: StructureShape,
  obj: Record<string, Json>,
  path: string,
  at: InputPath,
  options: DecodeOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members)) {
    const v = obj[name];
    if (v === undefined || v === null) continue;
    out[name] = decodeJsonValue(model, ref, v, path ? `${path}.${name}` : name, [...at, { member: name }], options);
  }
  for (const name of shape.required) {
    if (out[name] === undefined && mustHave(options, [...at, { member: name }], shape.members[name])) {
      throw missingError(options, [...at, { member: name }], path ? `${path}.${name}` : name, shape.members[name]);
    }
  }
  return out;
}

function decodeJsonValue(model: ServiceModel, ref: ShapeRef, v: Json, path: string, at: InputPath, options: DecodeOptions): unknown {
  const r = resolve(model, ref);
  switch (r.kind) {
    case 'structure':
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw jsonTypeError(path, 'structure', v);
      return decodeJsonStructure(model, r.shape, v as Record<string, Json>, path, at, options);
    case 'list':
      if (!Array.isArray(v)) throw jsonTypeError(path, 'list', v);
      return v.map((item, i) => decodeJsonValue(model, r.member, item, `${path}.${i + 1}`, [...at, { index: i + 1 }], options));
    case 'map': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw jsonTypeError(path, 'map', v);
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v as Record<string, Json>)) {
        if (item === null) continue;
        out[k] = decodeJsonValue(model, r.value, item, `${path}.${k}`, [...at, { key: k }], options);
      }
      return out;
    }
    case 'scalar':
      switch (r.type) {
        case 'string':
          if (typeof v !== 'string') throw jsonTypeError(path, 'string', v);
          return v;
        case 'number':
          if (typeof v !== 'number' || !Number.isFinite(v)) throw jsonTypeError(path, 'number', v);
          return v;
        case 'boolean':
          if (typeof v !== 'boolean') throw jsonTypeError(path, 'boolean', v);
          return v;
        case 'blob':
          if (typeof v !== 'string') throw jsonTypeError(path, 'base64-encoded string', v);
          return decodeBase64(v, path);
        case 'timestamp':
          if (typeof v === 'number') return new Date(v * 1000);
          if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(v);
          throw jsonTypeError(path, 'timestamp', v);
        default:
          return v;
      }
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(v: string, path: string): Buffer {
  const compact = v.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) {
    throw invalidValue(path, v, 'The value must be base64-encoded.');
  }
  return Buffer.from(compact, 'base64');
}

/** Query protocol: `Name`, `List.1`, `Map.1.Name`/`Map.1.Value`, `Struct.Member` … */
export function decodeQueryInput(
  model: ServiceModel,
  shapeName: string | null,
  params: Map<string, string>,
  options: DecodeOptions = {},
): Record<string, unknown> {
  if (!shapeName) return {};
  const keys = [...params.keys()];
  return decodeQueryStructure(model, structure(model, shapeName), { params, keys, options }, '', []);
}

interface QueryState {
  params: Map<string, string>;
  keys: string[];
  options: DecodeOptions;
}

function hasPrefix(keys: string[], prefix: string): boolean {
  for (const k of keys) if (k === prefix || k.startsWith(prefix + '.')) return true;
  return false;
}

function decodeQueryStructure(model: ServiceModel, shape: StructureShape, q: QueryState, prefix: string, at: InputPath): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members)) {
    const key = prefix + (ref.xmlName ?? name);
    const v = decodeQueryValue(model, ref, q, key, name, [...at, { member: name }], prefix + name);
    if (v !== undefined) out[name] = v;
  }
  for (const name of shape.required) {
    if (out[name] === undefined && mustHave(q.options, [...at, { member: name }], shape.members[name])) {
      throw missingError(q.options, [...at, { member: name }], prefix + name, shape.members[name]);
    }
  }
  return out;
}

function decodeQueryValue(
  model: ServiceModel,
  ref: ShapeRef,
  q: QueryState,
  key: string,
  label: string,
  at: InputPath,
  memberKey = key,
): unknown {
  const { params, keys } = q;
  const r = resolve(model, ref);
  switch (r.kind) {
    case 'structure':
      if (!hasPrefix(keys, key)) return undefined;
      return decodeQueryStructure(model, r.shape, q, key + '.', at);
    case 'list': {
      const base = r.flattened ? key : `${key}.${r.member.xmlName ?? 'member'}`;
      const items: unknown[] = [];
      for (let i = 1; ; i++) {
        const itemKey = `${base}.${i}`;
        if (!hasPrefix(keys, itemKey)) break;
        items.push(decodeQueryValue(model, r.member, q, itemKey, label, [...at, { index: i }]));
      }
      // An empty list is sent as the bare name (`Entries=`), by member or by XML name.
      if (items.length === 0) return params.has(key) || params.has(memberKey) ? [] : undefined;
      return items;
    }
    case 'map': {
      const base = r.flattened ? key : `${key}.entry`;
      const keyName = r.key.xmlName ?? 'key';
      const valueName = r.value.xmlName ?? 'value';
      const out: Record<string, unknown> = {};
      let any = false;
      for (let i = 1; ; i++) {
        const entry = `${base}.${i}`;
        if (!hasPrefix(keys, entry)) break;
        any = true;
        const k = params.get(`${entry}.${keyName}`);
        if (k === undefined) throw missingError(q.options, [...at, { index: i }], `${entry}.${keyName}`);
        const v = decodeQueryValue(model, r.value, q, `${entry}.${valueName}`, k, [...at, { key: k }]);
        if (v !== undefined) out[k] = v;
      }
      return any ? out : undefined;
    }
    case 'scalar': {
      const raw = params.get(key);
      if (raw === undefined) return undefined;
      switch (r.type) {
        case 'number': {
          if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) throw invalidValue(label, raw, 'Must be a number.');
          return Number(raw);
        }
        case 'boolean':
          if (raw === 'true') return true;
          if (raw === 'false') return false;
          throw invalidValue(label, raw, 'Must be true or false.');
        case 'blob':
          return decodeBase64(raw, label);
        case 'timestamp':
          return /^\d+(\.\d+)?$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
        default:
          return raw;
      }
    }
  }
}
