// Synthesizes every stage of a checkout into a folder, the way `cdk synth` runs the app, without
// bundling (the change guard compares templates; trigger binaries are not needed, and their asset
// hashes come from the sources anyway). Used for the base ref (a git worktree) and the working tree.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const APP_PROJECT = 'src/IdentityStack.App/IdentityStack.App.csproj';
const APP_DLL = 'src/IdentityStack.App/bin/Release/net10.0/IdentityStack.App.dll';

export class SynthesisError extends Error {}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new SynthesisError(`${command} ${args.join(' ')} failed in ${options.cwd}:\n${output || result.error?.message}`);
  }
  return result.stdout;
}

/** The app's context: cdk.json's and cdk.context.json's, every stage, no bundling, construct paths on. */
export function contextOf(checkout) {
  const read = (file) => (fs.existsSync(path.join(checkout, file)) ? JSON.parse(fs.readFileSync(path.join(checkout, file), 'utf8')) : {});
  return {
    ...(read('cdk.json').context ?? {}),
    ...read('cdk.context.json'),
    stage: 'all',
    'aws:cdk:bundling-stacks': [],
    'aws:cdk:enable-path-metadata': true,
  };
}

/** Builds the app of `checkout` and synthesizes every stage into `outdir`; returns { stackName: template }. */
export function synthesizeCheckout(checkout, outdir) {
  run('dotnet', ['build', APP_PROJECT, '-c', 'Release', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly'], { cwd: checkout });
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  run('dotnet', [APP_DLL], {
    cwd: checkout,
    env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(contextOf(checkout)) },
  });
  return templatesIn(outdir);
}

/** The stack templates of a cloud assembly folder, by stack name. */
export function templatesIn(assembly) {
  const manifestFile = path.join(assembly, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new SynthesisError(`${manifestFile} not found: not a cloud assembly.`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  return Object.fromEntries(Object.entries(manifest.artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([stackName, artifact]) => [stackName, JSON.parse(fs.readFileSync(path.join(assembly, artifact.properties.templateFile), 'utf8'))]));
}

/** Checks out `ref` into a temporary worktree of `repo`, runs `use(dir)`, and removes the worktree. */
export function withWorktree(repo, ref, dir, use) {
  const verified = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repo, encoding: 'utf8' });
  if (verified.status !== 0) {
    throw new SynthesisError(`--base ${ref}: no such commit, branch or tag here (fetch it first, e.g. git fetch origin main).`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  run('git', ['worktree', 'add', '--detach', '--force', dir, verified.stdout.trim()], { cwd: repo });
  try {
    return use(dir);
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', dir], { cwd: repo });
  }
}
