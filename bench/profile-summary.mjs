// Summarizes a V8 .cpuprofile (from BENCH_CPU_PROF=1): self time by function and by source file,
// and inclusive ("total") time for Tributary's own functions.
//   node bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample counts → time per node (timeDeltas are µs between samples).
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'node_modules/')
    .replace(/^.*\/packages\/server\/dist\//, 'dist/');
const label = (cf) => `${cf.functionName || '(anonymous)'} ${shortUrl(cf.url)}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;

const byFn = new Map();
const byFile = new Map();
const inclusive = new Map();
for (const [id, us] of selfUs) {
  const cf = nodes.get(id).callFrame;
  byFn.set(label(cf), (byFn.get(label(cf)) ?? 0) + us);
  const f = cf.url ? shortUrl(cf.url) : `(${cf.functionName || 'native'})`;
  byFile.set(f, (byFile.get(f) ?? 0) + us);
  // inclusive time: credit every distinct frame on the stack once
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const l = label(nodes.get(n).callFrame);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + us);
  }
}

const pct = (us) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
const show = (title, map, filter = () => true) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  }
};
console.log(`${file}: ${(totalUs / 1e6).toFixed(2)} s sampled`);
show('self time by function', byFn);
show('self time by file', byFile);
show('inclusive time, Tributary code (dist/)', inclusive, (k) => k.includes(' dist/'));
