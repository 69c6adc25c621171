// Self time of a V8 CPU profile (`node --cpu-prof`) by package or project folder, and the top
// functions: npx tsx bench/read/summarizeProfile.ts FILE.cpuprofile [--top N]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const [file, , top = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('Usage: summarizeProfile.ts FILE.cpuprofile [--top N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfTime.values()].reduce((sum, time) => sum + time, 0);

/** Where a frame belongs: a package, a project folder, Node's core or a V8 pseudo-frame. */
function groupOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return `(${functionName || 'anonymous'})`.replace(/^\(\((.*)\)\)$/, '($1)');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node core';
  const own = /\/src\/(.*)\/[^/]+$/.exec(url);
  return own ? `src/${own[1]}` : url;
}

const groups = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id)!;
  groups.set(groupOf(node), (groups.get(groupOf(node)) ?? 0) + time);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${groupOf(node)}`;
  functions.set(name, (functions.get(name) ?? 0) + time);
}
const percent = (time: number) => `${((100 * time) / total).toFixed(1)} %`;
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
for (const [group, time] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${percent(time).padStart(7)}  ${group}`);
console.log('\ntop functions (self time)');
for (const [name, time] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${percent(time).padStart(7)}  ${name}`);
