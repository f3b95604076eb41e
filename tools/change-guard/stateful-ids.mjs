#!/usr/bin/env node
// The committed list of stateful resources' logical IDs per stage (stateful-ids.json), so that a
// refactor that moves one (and so would replace it) fails a test before it reaches a pull request.
// Usage: node tools/change-guard/stateful-ids.mjs [--cdk-out DIR] --check | --write | --add
// --add records the stacks of the assembly that the list does not have yet (a new stage) and leaves
// every listed stack as it is, so a one-stage assembly cannot rewrite the other stages' entries.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { statefulResources } from './guard-lib.mjs';
import { templatesIn } from './synthesize.mjs';

export const STATEFUL_IDS_FILE = fileURLToPath(new URL('./stateful-ids.json', import.meta.url));

/** { stackName: { logicalId: { type, path } } } for every stack of a cloud assembly. */
export function statefulIdsOf(assembly) {
  return Object.fromEntries(Object.entries(templatesIn(assembly)).sort(([a], [b]) => a.localeCompare(b)).map(([stack, template]) => [stack, statefulResources(stack, template)]));
}

/** Problems between the committed list and an assembly: moved or missing IDs, and stateful resources not listed. */
export function idProblems(committed, actual) {
  const problems = [];
  for (const [stack, resources] of Object.entries(committed)) {
    for (const [logicalId, { type, path: constructPath }] of Object.entries(resources)) {
      const now = actual[stack]?.[logicalId];
      if (!now || now.type !== type) {
        const movedTo = Object.entries(actual[stack] ?? {}).find(([id, r]) => r.type === type && r.path === constructPath && !resources[id]);
        problems.push(`${stack}: ${constructPath} (${type}) no longer has the logical ID ${logicalId}${movedTo ? ` (it is now ${movedTo[0]})` : ''}: CloudFormation would replace it and lose its data. Keep the ID: move the construct back to ${constructPath}, or call ((CfnResource)construct.Node.DefaultChild!).OverrideLogicalId("${logicalId}"). If the replacement is intended, acknowledge it in tools/change-guard/acknowledgments.json and run node tools/change-guard/stateful-ids.mjs --write.`);
      }
    }
  }
  for (const [stack, resources] of Object.entries(actual)) {
    if (!Object.hasOwn(committed, stack)) {
      problems.push(`${stack}: a stage that tools/change-guard/stateful-ids.json does not list; run node tools/change-guard/stateful-ids.mjs --add (after ./build.sh synth --stage <its stage>) and commit it; ./build.sh new-stage does this for you.`);
      continue;
    }
    for (const [logicalId, { type, path: constructPath }] of Object.entries(resources)) {
      if (!committed[stack]?.[logicalId]) {
        problems.push(`${stack}: the new stateful resource ${constructPath} (${type}, ${logicalId}) is not in tools/change-guard/stateful-ids.json; run node tools/change-guard/stateful-ids.mjs --write and commit it, so later changes keep its ID.`);
      }
    }
  }
  return problems;
}

/** The committed list with the assembly's stacks it lacks (sorted like --write); listed stacks are kept as they are. */
export function withNewStacks(committed, actual) {
  const added = Object.keys(actual).filter((stack) => !Object.hasOwn(committed, stack));
  const merged = { ...committed, ...Object.fromEntries(added.map((stack) => [stack, actual[stack]])) };
  return { list: Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b))), added };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { 'cdk-out': { type: 'string', default: 'cdk.out' }, check: { type: 'boolean' }, write: { type: 'boolean' }, add: { type: 'boolean' } } });
  if ([values.check, values.write, values.add].filter(Boolean).length !== 1) {
    console.error('stateful-ids: say one of --check, --write or --add.');
    process.exit(2);
  }
  const actual = statefulIdsOf(path.resolve(values['cdk-out']));
  if (values.add) {
    const { list, added } = withNewStacks(JSON.parse(fs.readFileSync(STATEFUL_IDS_FILE, 'utf8')), actual);
    fs.writeFileSync(STATEFUL_IDS_FILE, JSON.stringify(list, null, 2) + '\n');
    console.log(`stateful-ids: ${added.length === 0 ? 'every stack of the assembly is listed already' : `added ${added.join(', ')} to ${path.relative(process.cwd(), STATEFUL_IDS_FILE)}`}`);
  } else if (values.write) {
    fs.writeFileSync(STATEFUL_IDS_FILE, JSON.stringify(actual, null, 2) + '\n');
    console.log(`stateful-ids: wrote ${path.relative(process.cwd(), STATEFUL_IDS_FILE)}`);
  } else {
    const problems = idProblems(JSON.parse(fs.readFileSync(STATEFUL_IDS_FILE, 'utf8')), actual);
    problems.forEach((p) => console.log(`  ${p}`));
    console.log(`stateful-ids: ${problems.length === 0 ? 'every stateful resource keeps its logical ID' : `${problems.length} problems`}`);
    process.exit(problems.length === 0 ? 0 : 1);
  }
}
