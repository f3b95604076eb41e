// Offline IAM access matrix for the identity pool roles of a synthesized stage.
// Reads the real template, resolves CloudFormation intrinsics to concrete fake ARNs, and asks
// @cloud-copilot/iam-simulate (test-time only: AGPL-3.0, never shipped) what a role may do.
import fs from 'node:fs';
import path from 'node:path';
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';

export const ACCOUNT = '111122223333';
export const FAKE_IDENTITY_POOL_ID = 'eu-west-1:0a1b2c3d-0000-4000-8000-00000000f00d';
export const IDENTITY_ID_KEY = 'cognito-identity.amazonaws.com:sub';
export const TENANT_TAG_KEY = 'aws:PrincipalTag/tenant';

/** A stack's template from a cloud assembly folder. */
export function loadTemplate(cdkOut, stackName) {
  const file = path.join(cdkOut, `${stackName}.template.json`);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: synthesize first (./build.sh synth --all)`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Resolves the intrinsics the identity pool resources use; anything else is an error, never a guess. */
export function resolver(template, region) {
  const resources = template.Resources;
  const arnOf = (logicalId) => {
    const type = resources[logicalId]?.Type;
    switch (type) {
      case 'AWS::S3::Bucket': return `arn:aws:s3:::${bucketName(logicalId)}`;
      case 'AWS::DynamoDB::Table': return `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${logicalId}`;
      case 'AWS::IAM::Role': return `arn:aws:iam::${ACCOUNT}:role/${logicalId}`;
      default: throw new Error(`no fake ARN for ${logicalId} (${type})`);
    }
  };
  const refOf = (logicalId) => {
    const pseudo = { 'AWS::AccountId': ACCOUNT, 'AWS::Region': region, 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' }[logicalId];
    if (pseudo) return pseudo;
    const type = resources[logicalId]?.Type;
    switch (type) {
      case 'AWS::Cognito::IdentityPool': return FAKE_IDENTITY_POOL_ID;
      case 'AWS::S3::Bucket': return bucketName(logicalId);
      case 'AWS::DynamoDB::Table':
      case 'AWS::IAM::Role': return logicalId;
      case 'AWS::Cognito::UserPool': return `${region}_FakePool1`;
      case 'AWS::Cognito::UserPoolClient': return `client${logicalId.toLowerCase()}`;
      default: throw new Error(`no fake Ref for ${logicalId} (${type})`);
    }
  };
  const resolve = (value) => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Ref') return refOf(value.Ref);
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
      const [logicalId, attribute] = value['Fn::GetAtt'];
      if (attribute === 'Arn') return arnOf(logicalId);
      if (attribute === 'ProviderName') return `cognito-idp.${region}.amazonaws.com/${refOf(logicalId)}`;
      throw new Error(`no fake value for ${logicalId}.${attribute}`);
    }
    if (keys.length === 1 && keys[0] === 'Fn::Join') {
      const [separator, parts] = value['Fn::Join'];
      return resolve(parts).join(separator);
    }
    if (keys.some((k) => k.startsWith('Fn::'))) throw new Error(`intrinsic not supported by the harness: ${keys.join(',')}`);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  };
  return resolve;
}

function bucketName(logicalId) {
  return `fake-${logicalId.toLowerCase()}`;
}

/**
 * The identity pool roles of a stage: for each, its role ARN, trust policy and identity policies
 * (inline policies attached through AWS::IAM::Policy), all intrinsics resolved.
 */
export function identityPoolRoles(template, region) {
  const resolve = resolver(template, region);
  const resources = template.Resources;
  const attachment = Object.values(resources).find((r) => r.Type === 'AWS::Cognito::IdentityPoolRoleAttachment');
  if (!attachment) throw new Error('the template has no AWS::Cognito::IdentityPoolRoleAttachment');
  const roleIds = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::IAM::Role').map(([id]) => id);
  const byArn = Object.fromEntries(roleIds.map((id) => [resolve({ 'Fn::GetAtt': [id, 'Arn'] }), id]));
  const rolePolicies = (roleId) => Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((ref) => ref.Ref === roleId))
    .map(([id, r]) => ({ name: id, policy: resolve(r.Properties.PolicyDocument) }));
  const describe = (roleId) => ({
    logicalId: roleId,
    arn: resolve({ 'Fn::GetAtt': [roleId, 'Arn'] }),
    trust: resolve(resources[roleId].Properties.AssumeRolePolicyDocument),
    policies: rolePolicies(roleId),
  });
  const roles = resolve(attachment.Properties.Roles);
  const mappings = resolve(attachment.Properties.RoleMappings ?? {});
  // With a role of their own for other providers (ExternalIdentities Own), the default authenticated
  // role is theirs, and the user pool's users reach the authenticated role through a last rule on token_use.
  const everyPoolUser = Object.values(mappings).flatMap((m) => m.RulesConfiguration?.Rules ?? []).find((rule) => rule.Claim === 'token_use');
  const authenticatedArn = everyPoolUser ? everyPoolUser.RoleARN : roles.authenticated;
  const externalArn = everyPoolUser ? roles.authenticated : undefined;
  const mappedArns = new Set(JSON.stringify(mappings).match(/arn:aws:iam::[0-9]+:role\/[A-Za-z0-9]+/g) ?? []);
  const groupArns = Object.values(resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup' && r.Properties.RoleArn)
    .map((r) => resolve(r.Properties.RoleArn));
  const adminArn = [...mappedArns, ...groupArns].find((arn) => arn !== authenticatedArn && arn !== externalArn);
  return {
    authenticated: describe(byArn[authenticatedArn]),
    guest: roles.unauthenticated ? describe(byArn[roles.unauthenticated]) : undefined,
    admin: adminArn ? describe(byArn[adminArn]) : undefined,
    external: externalArn ? describe(byArn[externalArn]) : undefined,
  };
}

/** The data resources' fake names: bucket ARN, user data table ARN, leaderboard table ARN. */
export function dataResources(template, region) {
  const resolve = resolver(template, region);
  const byPath = (suffix) => {
    const found = Object.entries(template.Resources).find(([, r]) => r.Metadata?.['aws:cdk:path']?.endsWith(suffix));
    if (!found) throw new Error(`no resource at */${suffix}`);
    return resolve({ 'Fn::GetAtt': [found[0], 'Arn'] });
  };
  return {
    bucketArn: byPath('UserData/Files/Resource'),
    userDataTableArn: byPath('UserData/Items/Resource'),
    leaderboardTableArn: byPath('UserData/Leaderboard/Resource'),
  };
}

/** Whether the role may do the action on the resource, as the caller described by context: 'Allowed' or a denial. */
export function decide(role, action, resource, context = {}) {
  const result = runUnsafeSimulation({
    request: {
      principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${role.logicalId}/CognitoIdentityCredentials`,
      action,
      resource: { resource, accountId: ACCOUNT },
      contextVariables: { 'aws:SecureTransport': 'true', ...context },
    },
    identityPolicies: role.policies,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  }, {});
  // runUnsafeSimulation answers with the result itself: 'Allowed', 'ImplicitlyDenied' or 'ExplicitlyDenied'.
  if (typeof result !== 'string') throw new Error(`simulation gave no result: ${JSON.stringify(result).slice(0, 300)}`);
  return result;
}

/**
 * Whether the identity pool may hand the role to a caller whose web identity token has this aud
 * and amr. runSimulation, because runUnsafeSimulation (0.1.173) fails on any resource policy.
 * Only sts:AssumeRoleWithWebIdentity: the simulator's IAM data drops the cognito-identity keys
 * from sts:TagSession requests, so session tagging is checked on the policy's structure instead.
 *
 * amr is a set in the token ("authenticated", the provider, ...), matched with ForAnyValue; the
 * simulator's IAM data types cognito-identity.amazonaws.com:amr as a single String and reads only
 * the first element of a list. Every trust statement here has one amr condition, so the request
 * is evaluated once per amr value and allowed when any value is: exactly ForAnyValue's meaning.
 */
export async function decideAssume(role, { aud, amr }) {
  const results = [];
  for (const value of [amr].flat()) {
    results.push(await decideAssumeOne(role, aud, value));
  }
  return results.includes('Allowed') ? 'Allowed' : results[0];
}

async function decideAssumeOne(role, aud, amr) {
  const action = 'sts:AssumeRoleWithWebIdentity';
  const result = await runSimulation({
    request: {
      principal: 'cognito-identity.amazonaws.com',
      action,
      resource: { resource: role.arn, accountId: ACCOUNT },
      contextVariables: { 'cognito-identity.amazonaws.com:aud': aud, 'cognito-identity.amazonaws.com:amr': amr },
    },
    identityPolicies: [],
    resourcePolicy: role.trust,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  }, {});
  if (result.resultType !== 'single') throw new Error(`trust simulation failed: ${JSON.stringify(result).slice(0, 300)}`);
  return result.overallResult;
}

/** Deterministic identity ids (region:uuid) so a failure names the same pair on every run. */
export function identityPairs(count, region, seed = 20261123) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () => next().toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return Array.from({ length: count }, () => [`${region}:${uuid()}`, `${region}:${uuid()}`]);
}
