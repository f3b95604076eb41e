// The architecture diagram is generated from the synthesized dev template and committed; these
// tests fail when docs/architecture.md is stale (run ./build.sh diagram) or the drawing is wrong.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { diagram, document } from '../diagram.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const cdkOut = process.env.GATE_CDK_OUT ?? path.join(repoRoot, 'cdk.out');
const stack = 'IdentityStack-dev';
const template = JSON.parse(fs.readFileSync(path.join(cdkOut, `${stack}.template.json`), 'utf8'));
const ids = (type) => Object.keys(template.Resources).filter((id) => template.Resources[id].Type === type);
const edge = (edges, from, to, property) => edges.some((e) => e.from === from && e.to === to && e.property === property);

describe('architecture diagram', () => {
  it('docs/architecture.md is the one generated from the synthesized dev template', () => {
    const committed = fs.readFileSync(path.join(repoRoot, 'docs', 'architecture.md'), 'utf8');
    assert.equal(committed, document(template, stack, `cdk.out/${stack}.template.json`), 'stale: run ./build.sh diagram and commit docs/architecture.md');
  });

  it('draws the wiring that matters: triggers, authorizer, identity pool roles and clients', () => {
    const { edges, nodes } = diagram(template, stack);
    const [pool] = ids('AWS::Cognito::UserPool');
    const preSignUp = ids('AWS::Lambda::Function').find((id) => template.Resources[id].Properties.Handler === 'PreSignUp');
    const [authorizer] = ids('AWS::ApiGatewayV2::Authorizer');
    const [attachment] = ids('AWS::Cognito::IdentityPoolRoleAttachment');
    assert.ok(edge(edges, pool, preSignUp, 'LambdaConfig'));
    assert.ok(edge(edges, authorizer, pool, 'JwtConfiguration'));
    for (const client of ids('AWS::Cognito::UserPoolClient')) {
      assert.ok(edge(edges, authorizer, client, 'JwtConfiguration'), `${client} is not in the authorizer's audience`);
      assert.ok(edge(edges, client, pool, 'UserPoolId'));
    }
    const roles = edges.filter((e) => e.from === attachment && template.Resources[e.to].Type === 'AWS::IAM::Role');
    assert.ok(roles.length >= 2, 'the identity pool hands out authenticated and admin roles at least');
    assert.ok(![...nodes].some((id) => /^AWS::(Logs|CloudWatch|SSM)::/.test(template.Resources[id].Type)), 'logs, alarms and parameters are left out');
  });

  it('a resource added to the template appears with its reference (the drawing follows the template)', () => {
    const changed = structuredClone(template);
    const [pool] = ids('AWS::Cognito::UserPool');
    changed.Resources.PartnerClient = { Type: 'AWS::Cognito::UserPoolClient', Properties: { ClientName: 'partner', UserPoolId: { Ref: pool } } };
    const { mermaid } = diagram(changed, stack);
    assert.match(mermaid, /PartnerClient\["UserPoolClient<br\/>partner"\]/);
    assert.match(mermaid, new RegExp(`PartnerClient -->\\|UserPoolId\\| ${pool}`));
  });
});
