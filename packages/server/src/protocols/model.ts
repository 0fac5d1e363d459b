// The service models generated from the official SDK schemas (scripts/gen-models.mjs).
export type ScalarType = 'string' | 'number' | 'boolean' | 'blob' | 'timestamp' | 'document' | 'bigint' | 'bigdecimal';

export interface ShapeRef {
  type?: ScalarType | 'list' | 'map' | 'unit';
  shape?: string;
  xmlName?: string;
  flattened?: boolean;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
}

export interface StructureShape {
  type: 'structure';
  members: Record<string, ShapeRef>;
  required: string[];
  xmlName?: string;
}
export interface ListShape {
  type: 'list';
  member: ShapeRef;
}
export interface MapShape {
  type: 'map';
  key: ShapeRef;
  value: ShapeRef;
}
export type Shape = StructureShape | ListShape | MapShape;

export interface ModelError {
  code: string;
  status: number;
  fault: 'Sender' | 'Receiver';
}

export interface ServiceModel {
  service: string;
  source: string;
  apiVersion: string;
  targetPrefix: string;
  awsQueryCompatible: boolean;
  namespace: string;
  signingName: string;
  xmlNamespace: string;
  operations: Record<string, { input: string | null; output: string | null }>;
  shapes: Record<string, Shape>;
  errors: Record<string, ModelError>;
}

/** A reference resolved to what it describes: a scalar, or a named list/map/structure. */
export type Resolved =
  | { kind: 'scalar'; type: ScalarType }
  | { kind: 'structure'; name: string; shape: StructureShape }
  | { kind: 'list'; member: ShapeRef; flattened: boolean; xmlName?: string }
  | { kind: 'map'; key: ShapeRef; value: ShapeRef; flattened: boolean; xmlName?: string };

export function resolve(model: ServiceModel, ref: ShapeRef): Resolved {
  if (ref.shape) {
    const shape = model.shapes[ref.shape];
    if (!shape) throw new Error(`model ${model.service} has no shape ${ref.shape}`);
    if (shape.type === 'structure') return { kind: 'structure', name: ref.shape, shape };
    if (shape.type === 'list')
      return { kind: 'list', member: shape.member, flattened: Boolean(ref.flattened), xmlName: ref.xmlName };
    return { kind: 'map', key: shape.key, value: shape.value, flattened: Boolean(ref.flattened), xmlName: ref.xmlName };
  }
  if (ref.type === 'list' && ref.member)
    return { kind: 'list', member: ref.member, flattened: Boolean(ref.flattened), xmlName: ref.xmlName };
  if (ref.type === 'map' && ref.key && ref.value)
    return { kind: 'map', key: ref.key, value: ref.value, flattened: Boolean(ref.flattened), xmlName: ref.xmlName };
  return { kind: 'scalar', type: (ref.type ?? 'string') as ScalarType };
}

export function structure(model: ServiceModel, name: string): StructureShape {
  const s = model.shapes[name];
  if (!s || s.type !== 'structure') throw new Error(`model ${model.service} has no structure ${name}`);
  return s;
}
