import { it } from 'vitest';
import { startTributary } from '../packages/server/src/index.js';
import { SQSClient, GetQueueUrlCommand, CreateQueueCommand, PurgeQueueCommand } from '@aws-sdk/client-sqs';
it('probe', async () => {
  const t = await startTributary({ port: 0 });
  const c = new SQSClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try { await c.send(new GetQueueUrlCommand({ QueueName: 'nope' })); } catch (e: any) {
    console.log(e.name, e.Code, e.Type, e.message, e.$fault, e.$metadata, Object.keys(e), e.constructor.name);
  }
  const { QueueUrl } = await c.send(new CreateQueueCommand({ QueueName: 'q1' }));
  await c.send(new PurgeQueueCommand({ QueueUrl }));
  try { await c.send(new PurgeQueueCommand({ QueueUrl })); } catch (e: any) {
    console.log(e.name, e.Code, e.Type, e.message, e.$fault, e.$metadata, Object.keys(e), e.constructor.name);
  }
  await t.stop();
});
