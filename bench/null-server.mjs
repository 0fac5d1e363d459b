// The NULL SERVER: a minimal node:http server that answers the SQS JSON-protocol calls the
// benchmark makes with fixed, valid replies, storing nothing. It is the protocol ceiling on this
// machine: what HTTP + JSON parsing + the replies cost with no queue behind them.
//
// - SendMessageBatch / SendMessage: one Successful entry per request entry, echoing its Id, with
//   MD5OfMessageBody computed from the body (the SDK checks it, so a fixed value would not be valid).
// - ReceiveMessage: MaxNumberOfMessages (≤ 10) fixed 1 KiB messages, each with a ReceiptHandle and
//   the correct MD5OfBody, prepared once at start.
// - DeleteMessageBatch / DeleteMessage: echoes the Ids as Successful.
// - CreateQueue / GetQueueUrl: the queue URL, so clients can set up as they do against Tributary.
// Step Functions (x-amz-target AWSStepFunctions.*), for the Express scenario of bench/sfn-server.mjs:
// - CreateStateMachine: a fixed-form ARN for the name.
// - StartSyncExecution: a SUCCEEDED reply of the shape AWS sends (executionArn, stateMachineArn,
//   name, startDate, stopDate, status, input/output with their details, billingDetails), the
//   output being the input text (what a chain of Pass states returns). Nothing is run or kept.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { makeBody, md5Hex } from './common.mjs';

const JSON_TYPE = 'application/x-amz-json-1.0';

export function createNullServer({ bodyBytes = 1024 } = {}) {
  const fixed = Array.from({ length: 10 }, (_, i) => {
    const body = makeBody(`null-${i}`, bodyBytes);
    return {
      MessageId: randomUUID(),
      ReceiptHandle: `NULL${Buffer.from(`receipt-${i}-${randomUUID()}`).toString('base64url')}`,
      MD5OfBody: md5Hex(body),
      Body: body,
    };
  });
  // Replies for each MaxNumberOfMessages, serialized once.
  const receiveReplies = Array.from({ length: 11 }, (_, n) => JSON.stringify(n === 0 ? {} : { Messages: fixed.slice(0, n) }));
  let requests = 0;

  function reply(res, status, body) {
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': randomUUID() });
    res.end(body);
  }

  function error(res, type, message) {
    reply(res, 400, JSON.stringify({ __type: `com.amazonaws.sqs#${type}`, message }));
  }

  function sfnError(res, type, message) {
    reply(res, 400, JSON.stringify({ __type: `com.amazonaws.states#${type}`, message }));
  }

  function stepFunctions(req, res, op, input) {
    switch (op) {
      case 'CreateStateMachine':
        return reply(res, 200, JSON.stringify({ stateMachineArn: `arn:aws:states:us-east-1:000000000000:stateMachine:${String(input.name ?? 'm')}`, creationDate: Date.now() / 1000 }));
      case 'StartSyncExecution': {
        const arn = String(input.stateMachineArn ?? '');
        const name = typeof input.name === 'string' ? input.name : randomUUID();
        const text = typeof input.input === 'string' ? input.input : '{}';
        const now = Date.now() / 1000;
        return reply(
          res,
          200,
          JSON.stringify({
            executionArn: `${arn.replace(':stateMachine:', ':express:')}:${name}:${randomUUID()}`,
            stateMachineArn: arn,
            name,
            startDate: now,
            stopDate: now,
            status: 'SUCCEEDED',
            input: text,
            inputDetails: { included: true },
            output: text,
            outputDetails: { included: true },
            billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
          }),
        );
      }
      default:
        return sfnError(res, 'UnknownOperationException', `Unknown operation AWSStepFunctions.${op}`);
    }
  }

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    requests++;
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target.startsWith('AWSStepFunctions.')) {
        let sfnInput;
        try {
          sfnInput = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return sfnError(res, 'SerializationException', 'The request body is not valid JSON.');
        }
        return stepFunctions(req, res, target.slice('AWSStepFunctions.'.length), sfnInput);
      }
      const op = target.startsWith('AmazonSQS.') ? target.slice('AmazonSQS.'.length) : '';
      let input;
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return error(res, 'SerializationException', 'The request body is not valid JSON.');
      }
      switch (op) {
        case 'SendMessageBatch': {
          const entries = Array.isArray(input.Entries) ? input.Entries : [];
          const Successful = entries.map((e) => ({ Id: e.Id, MessageId: randomUUID(), MD5OfMessageBody: md5Hex(String(e.MessageBody ?? '')) }));
          return reply(res, 200, JSON.stringify({ Successful, Failed: [] }));
        }
        case 'SendMessage':
          return reply(res, 200, JSON.stringify({ MessageId: randomUUID(), MD5OfMessageBody: md5Hex(String(input.MessageBody ?? '')) }));
        case 'ReceiveMessage': {
          const n = Math.max(1, Math.min(10, Number(input.MaxNumberOfMessages ?? 1) || 1));
          return reply(res, 200, receiveReplies[n]);
        }
        case 'DeleteMessageBatch': {
          const entries = Array.isArray(input.Entries) ? input.Entries : [];
          return reply(res, 200, JSON.stringify({ Successful: entries.map((e) => ({ Id: e.Id })), Failed: [] }));
        }
        case 'DeleteMessage':
          return reply(res, 200, '{}');
        case 'CreateQueue':
        case 'GetQueueUrl': {
          const host = req.headers.host ?? '127.0.0.1';
          return reply(res, 200, JSON.stringify({ QueueUrl: `http://${host}/000000000000/${String(input.QueueName ?? 'q')}` }));
        }
        case 'GetQueueAttributes':
          return reply(res, 200, JSON.stringify({ Attributes: {} }));
        default:
          return error(res, 'UnknownOperationException', `Unknown operation ${target}`);
      }
    });
  });
  return {
    server,
    get requests() {
      return requests;
    },
  };
}
