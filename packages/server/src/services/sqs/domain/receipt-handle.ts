// A receipt handle names one receive of one message: the queue, the stored row, the message id
// (so a stale handle can never reach a different message) and the receive count (so every
// receive yields a new handle).
export interface ReceiptHandle {
  queueId: number;
  rowId: number;
  messageId: string;
  receiveCount: number;
}

const PREFIX = 'TRB1';

export function encodeReceiptHandle(h: ReceiptHandle): string {
  const raw = `${h.queueId}:${h.rowId}:${h.messageId}:${h.receiveCount}`;
  return PREFIX + Buffer.from(raw, 'utf8').toString('base64url');
}

const RAW = /^(\d+):(\d+):([0-9a-f-]{36}):(\d+)$/;

export function decodeReceiptHandle(handle: string): ReceiptHandle | undefined {
  if (!handle.startsWith(PREFIX) || handle.length > 200) return undefined;
  const body = handle.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return undefined;
  const m = RAW.exec(Buffer.from(body, 'base64url').toString('utf8'));
  if (!m) return undefined;
  return { queueId: Number(m[1]), rowId: Number(m[2]), messageId: m[3]!, receiveCount: Number(m[4]) };
}
