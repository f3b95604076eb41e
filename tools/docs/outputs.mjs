#!/usr/bin/env node
// docs/reference/outputs.md from the synthesized stages: every stack output, the SSM parameter that
// holds the same value, what it is, and which stages have it. Run by ./build.sh outputs-reference
// (after ./build.sh synth --all); a test fails when the committed page differs from the assembly.
// Usage: node tools/docs/outputs.mjs [--cdk-out DIR] [--check | --write]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUTS_PAGE = path.join(repoRoot, 'docs/reference/outputs.md');

/** The page for a cloud assembly's IdentityStack-<stage> templates. */
export function outputsPage(cdkOut) {
  const manifest = JSON.parse(fs.readFileSync(path.join(cdkOut, 'manifest.json'), 'utf8'));
  const stacks = Object.entries(manifest.artifacts ?? {}).filter(([name, a]) => a.type === 'aws:cloudformation:stack' && name.startsWith('IdentityStack-'));
  if (stacks.length === 0) throw new Error(`${cdkOut} holds no IdentityStack stack: run ./build.sh synth --all first`);
  const rows = new Map();
  for (const [stackName, artifact] of stacks) {
    const stage = stackName.slice('IdentityStack-'.length);
    const template = JSON.parse(fs.readFileSync(path.join(cdkOut, artifact.properties.templateFile), 'utf8'));
    const parameters = Object.values(template.Resources ?? {}).filter((r) => r.Type === 'AWS::SSM::Parameter');
    for (const [outputName, output] of Object.entries(template.Outputs ?? {})) {
      const value = JSON.stringify(output.Value);
      let parameter = parameters.find((p) => JSON.stringify(p.Properties.Value) === value)?.Properties.Name?.replace(`/identity/${stage}/`, '/identity/<stage>/') ?? null;
      let name = outputName;
      let description = output.Description ?? '';
      // One output per configured machine client: one row, by the client's name.
      const machine = /^MachineClientId(.+)$/.exec(outputName);
      const clientName = machine && /Machine client '([a-z0-9-]+)'/.exec(description)?.[1];
      if (clientName) {
        name = 'MachineClientId<Name>';
        parameter = parameter?.replace(`/machine/${clientName}-id`, '/machine/<name>-id') ?? null;
        description = description.replace(`'${clientName}'`, '<name>') + ', one per signIn.machineClients entry';
      }
      const row = rows.get(name) ?? { name, description, parameter, stages: new Set() };
      row.stages.add(stage);
      rows.set(name, row);
    }
  }
  const stageNames = stacks.map(([name]) => name.slice('IdentityStack-'.length));
  const lines = [
    '# Stack outputs and SSM parameters',
    '',
    'Generated from the synthesized stages by `./build.sh outputs-reference`; do not edit by hand (a test',
    'fails when this page and the templates differ). Each output is exported as',
    '`IdentityStack-<stage>-<output>` and its value is also the SSM parameter named here, so other stacks',
    'and pipelines read it without CloudFormation exports. `./build.sh deploy` writes the outputs to',
    '`artifacts/<stage>/cdk-outputs.json`; `./build.sh client-config` turns them into `amplify_outputs.json`.',
    '',
    '| output | SSM parameter | what it holds | on |',
    '| --- | --- | --- | --- |',
  ];
  for (const row of [...rows.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const stages = row.stages.size === stageNames.length ? 'every stage' : 'by configuration';
    lines.push(`| \`${row.name}\` | ${row.parameter ? `\`${row.parameter}\`` : 'none'} | ${row.description.replace(/\|/g, '\\|')} | ${stages} |`);
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { 'cdk-out': { type: 'string', default: 'cdk.out' }, check: { type: 'boolean' }, write: { type: 'boolean' } } });
  const page = outputsPage(values['cdk-out']);
  if (values.check) {
    const same = fs.existsSync(OUTPUTS_PAGE) && fs.readFileSync(OUTPUTS_PAGE, 'utf8') === page;
    console.log(same ? 'outputs-reference: docs/reference/outputs.md is current' : 'outputs-reference: docs/reference/outputs.md is stale: run ./build.sh outputs-reference');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(OUTPUTS_PAGE, page);
  console.log('outputs-reference: wrote docs/reference/outputs.md');
}
