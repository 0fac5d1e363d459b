// Run by node-smoke.sh under each Node version from the scratch project where tributary is installed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const app = process.argv[2];
const require = createRequire(join(app, 'package.json'));
const entry = require.resolve('tributary');
const { startTributary } = await import(pathToFileURL(entry).href);
const cli = join(app, 'node_modules', 'tributary', 'dist', 'cli', 'main.js');

async function call(endpoint, op, body) {
  const res = await fetch(endpoint + '/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${op}` },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${op} failed: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function startCli(dataDir) {
  const child = spawn(process.execPath, [cli, 'start', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no Ready. from the server: ${out}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /"endpoint":"(http:[^"]+)"/.exec(out);
      if (m && out.includes('Ready.\n')) {
        clearTimeout(timer);
        resolve({ endpoint: m[1], child });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function stop(child, signal) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code, sig) => resolve({ code, sig }));
    child.kill(signal);
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'tributary-smoke-data-'));
try {
  let { endpoint, child } = await startCli(dataDir);
  const { QueueUrl } = await call(endpoint, 'CreateQueue', { QueueName: 'smoke' });
  const sent = await call(endpoint, 'SendMessage', { QueueUrl, MessageBody: `hello from Node ${process.version}` });
  await stop(child, 'SIGKILL');
  ({ endpoint, child } = await startCli(dataDir));
  const got = await call(endpoint, 'ReceiveMessage', { QueueUrl, WaitTimeSeconds: 1 });
  if (got.Messages?.[0]?.MessageId !== sent.MessageId) throw new Error(`message lost across restart: ${JSON.stringify(got)}`);
  const exit = await stop(child, 'SIGTERM');
  if (exit.code !== 0) throw new Error(`SIGTERM exit code ${exit.code}`);

  const t = await startTributary({ port: 0 });
  const q = await call(t.endpoint, 'CreateQueue', { QueueName: 'inproc' });
  await call(t.endpoint, 'SendMessage', { QueueUrl: q.QueueUrl, MessageBody: 'x' });
  const r = await call(t.endpoint, 'ReceiveMessage', { QueueUrl: q.QueueUrl });
  if (r.Messages?.[0]?.Body !== 'x') throw new Error('in-process round trip failed');
  await t.stop();
  console.log(`smoke ok on Node ${process.version}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
