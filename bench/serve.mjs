// Child process that runs the server under test, so the server and the load generator each get a
// core. Forked by run.mjs with one JSON argument:
//   {"kind":"null"}                                                  the null server
//   {"kind":"tributary","ephemeral":true}                            Tributary in memory
//   {"kind":"tributary","ephemeral":false,"dataDir":D,"sync":"full"} Tributary durable
// Binds 127.0.0.1 on a random port in 20000–32000 (retrying until one binds), then sends
// {type:'ready', endpoint, port} over IPC. On {type:'stop'} it stops cleanly and exits 0 (so
// --cpu-prof can write its profile); it exits 1 if the parent goes away.
import { bindRandomPort, HOST } from './common.mjs';
import { createNullServer } from './null-server.mjs';

const spec = JSON.parse(process.argv[2] ?? '{}');

async function startNull() {
  const nul = createNullServer({ bodyBytes: spec.bodyBytes ?? 1024 });
  const { port } = await bindRandomPort(
    (p) =>
      new Promise((resolve, reject) => {
        const onError = (err) => reject(err);
        nul.server.once('error', onError);
        nul.server.listen(p, HOST, () => {
          nul.server.off('error', onError);
          resolve();
        });
      }),
  );
  return {
    endpoint: `http://${HOST}:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        nul.server.close(() => resolve());
        nul.server.closeAllConnections();
      }),
  };
}

async function startTributaryChild() {
  const { startTributary } = await import(new URL('../packages/server/dist/index.js', import.meta.url).href);
  const options = { host: HOST, ephemeral: spec.ephemeral !== false, logLevel: spec.logLevel ?? 'warn' };
  if (!options.ephemeral) {
    options.dataDir = spec.dataDir;
    options.sync = spec.sync ?? 'full';
  }
  const { value: server } = await bindRandomPort((port) => startTributary({ ...options, port }));
  return server;
}

async function main() {
  const server = spec.kind === 'null' ? await startNull() : await startTributaryChild();
  let stopping = false;
  process.on('message', (msg) => {
    if (msg?.type !== 'stop' || stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (err) => {
        console.error('[serve] stop failed:', err);
        process.exit(1);
      },
    );
  });
  process.on('disconnect', () => {
    if (!stopping) process.exit(1);
  });
  process.send({ type: 'ready', endpoint: server.endpoint, port: server.port, pid: process.pid });
}

main().catch((err) => {
  console.error('[serve] failed to start:', err);
  process.exitCode = 1;
  process.disconnect?.();
});
