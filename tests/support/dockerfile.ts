// A Dockerfile read into its stages and instructions, so that a test can lay out what an image
// would hold without a Docker daemon. Only what Storygraph's Dockerfile uses is understood:
// FROM … AS name, WORKDIR, ENV, COPY [--from=stage], RUN, USER, EXPOSE, HEALTHCHECK … CMD, CMD.

export interface Instruction {
  keyword: string;
  /** The instruction's text after its keyword, continuation lines joined. */
  args: string;
}

export interface Stage {
  name: string | undefined;
  image: string;
  instructions: Instruction[];
}

export interface Copy {
  from: string | undefined;
  sources: string[];
  target: string;
}

/** Stages in order; comments and parser directives are dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    if (keyword!.toUpperCase() === 'FROM') {
      const [image, as, name] = args!.split(/\s+/);
      stages.push({ image: image!, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: ${keyword} before FROM`);
    stage.instructions.push({ keyword: keyword!.toUpperCase(), args: args!.replace(/\s+/g, ' ') });
  }
  return stages;
}

/** A COPY instruction's source stage (undefined: the build context), sources and target. */
export function parseCopy(args: string): Copy {
  const words = args.split(' ');
  const from = words[0]?.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
  const target = words.pop()!;
  return { from, sources: words, target };
}

/** ENV instructions of a stage, `KEY=value` pairs. */
export function stageEnv(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== 'ENV') continue;
    for (const pair of args.split(' ')) {
      const [key, ...value] = pair.split('=');
      env[key!] = value.join('=');
    }
  }
  return env;
}

/** A JSON-array (exec form) command: CMD ["node", "x.js"], or HEALTHCHECK's `CMD [...]`. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  return JSON.parse(json) as string[];
}
