// The docs as a product: every relative link of README.md, CONTRIBUTING.md and docs/ reaches a file
// (and a heading, when it names one); the README stays the front door (short, linking every page);
// the deploy role's policy is exactly what the tools call; the command reference lists every command.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dispatchedCommands } from '../../testing/build-sh-commands.mjs';
import { OUTPUTS_PAGE, outputsPage } from '../outputs.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const read = (file) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

function markdownFiles() {
  const files = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md'];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) files.push(relative);
    }
  };
  walk('docs');
  return files;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const base = heading[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Relative links of a markdown file outside code: [text](target). */
function linksOf(markdown) {
  const links = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) { fenced = !fenced; continue; }
    if (fenced) continue;
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
      if (!/^(https?:|mailto:)/.test(match[1])) links.push(match[1]);
    }
  }
  return links;
}

describe('docs: links', () => {
  for (const file of markdownFiles()) {
    it(`${file}: every relative link reaches a file and its heading`, () => {
      const broken = [];
      for (const link of linksOf(read(file))) {
        const [target, anchor] = link.split('#');
        const resolved = target === '' ? path.join(repoRoot, file) : path.resolve(path.dirname(path.join(repoRoot, file)), target);
        if (!fs.existsSync(resolved)) { broken.push(`${link} (no such file)`); continue; }
        if (anchor && resolved.endsWith('.md') && !anchorsOf(fs.readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${link} (no such heading)`);
      }
      assert.deepEqual(broken, []);
    });
  }

  it('the anchor rule can fail: a missing heading is reported', () => {
    assert.ok(anchorsOf('# Deploying\n## Adding a stage\n').has('adding-a-stage'));
    assert.ok(!anchorsOf('# Deploying\n').has('adding-a-stage'));
    assert.ok(anchorsOf('## The change guard: no merge replaces user data').has('the-change-guard-no-merge-replaces-user-data'));
  });
});

describe('docs: the README is the front door', () => {
  it('is at most 15 KB and links every page of docs/', () => {
    const readme = read('README.md');
    assert.ok(Buffer.byteLength(readme) <= 15 * 1024, `README.md is ${Buffer.byteLength(readme)} bytes`);
    const linked = new Set(linksOf(readme).map((l) => path.normalize(l.split('#')[0])));
    const pages = markdownFiles().filter((f) => f.startsWith('docs') && !f.startsWith(path.join('docs', 'images')));
    const unlinked = pages.filter((page) => !linked.has(path.normalize(page)));
    assert.deepEqual(unlinked, [], 'pages the README does not link');
  });

  it('keeps the two set-up commands CI and people run', () => {
    const readme = read('README.md');
    assert.match(readme, /\.\/build\.sh synth +#/);
    assert.match(readme, /\.\/build\.sh test +#/);
    assert.equal(read('.ci/run').match(/\.\/build\.sh test/g)?.length, 1);
  });
});

describe('docs: statements kept true', () => {
  it('the outputs and SSM parameters page is the synthesized stages\' (./build.sh outputs-reference)', () => {
    const cdkOut = process.env.GATE_CDK_OUT ?? path.join(repoRoot, 'cdk.out');
    assert.equal(fs.readFileSync(OUTPUTS_PAGE, 'utf8'), outputsPage(cdkOut), 'docs/reference/outputs.md is stale: run ./build.sh outputs-reference');
  });

  it('the deploy role policy holds exactly the AWS calls of the preflight, the smoke test and saml-handoff', () => {
    const prefix = { acm: 'acm', cloudformation: 'cloudformation', 'cognito-identity-provider': 'cognito-idp', 'route-53': 'route53', 'secrets-manager': 'secretsmanager', sesv2: 'ses', ssm: 'ssm', sts: 'sts' };
    const calls = new Set();
    for (const file of ['tools/preflight/checks.mjs', 'tools/saml-handoff/saml-handoff.mjs']) {
      for (const [, names, client] of read(file).matchAll(/import \{([^}]*)\} from '@aws-sdk\/client-([a-z0-9-]+)'/g)) {
        for (const name of names.split(',').map((n) => n.trim()).filter((n) => n.endsWith('Command'))) calls.add(`${prefix[client]}:${name.replace(/Command$/, '')}`);
      }
    }
    for (const [, operation] of read('src/IdentityStack.Smoke/CognitoJsonClient.cs').matchAll(/CallAsync\("([A-Za-z]+)"/g)) calls.add(`cognito-idp:${operation}`);

    const guide = read('docs/getting-started.md');
    const section = guide.slice(guide.indexOf('## The deploy role'));
    const policy = JSON.parse(section.match(/\*\*Permissions\*\*[\s\S]*?```json\n([\s\S]*?)```/)[1]);
    const documented = new Set(policy.Statement.filter((s) => s.Sid !== 'CdkBootstrapRoles').flatMap((s) => [s.Action].flat()));
    assert.deepEqual([...documented].sort(), [...calls].sort());
    assert.ok(calls.size >= 13);
  });

  it('the command reference has a row for every command build.sh dispatches', () => {
    const dispatched = dispatchedCommands();
    const cli = read('docs/reference/cli.md');
    assert.ok(dispatched.length >= 18);
    for (const command of dispatched) assert.match(cli, new RegExp(`^\\| \`${command}\` \\|`, 'm'), `docs/reference/cli.md lacks ${command}`);
  });
});
