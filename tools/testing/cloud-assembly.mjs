// Test support shared by the Node suites that read cloud assemblies (template gate, change guard).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A cloud assembly holding the given stack templates ({ stackName: template }), in a new temporary folder. */
export function cloudAssembly(stacks) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-assembly-'));
  const artifacts = {};
  for (const [stackName, template] of Object.entries(stacks)) {
    fs.writeFileSync(path.join(dir, `${stackName}.template.json`), JSON.stringify(template));
    artifacts[stackName] = { type: 'aws:cloudformation:stack', properties: { templateFile: `${stackName}.template.json` } };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts }));
  return dir;
}
