// The change guard: compares each stack's template at a base ref with the working tree and finds
// changes that would replace or remove a store of user data, and Cognito's own traps (changes
// CloudFormation reports as updates that Cognito refuses or that strand users). Which property
// changes replace a resource comes from @aws-cdk/cloudformation-diff (the CloudFormation registry's
// update behaviour); what Cognito refuses comes from the developer guide, "Updating user pool
// configuration": https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
import fs from 'node:fs';
import { fullDiff } from '@aws-cdk/cloudformation-diff';

/** Resource types that hold user data (or its audit trail), and what replacing or removing one loses. */
export const STATEFUL = {
  'AWS::Cognito::UserPool': 'every user of the pool: passwords, MFA enrolments, federated links and attributes (Cognito cannot export password hashes, so no backup brings them back)',
  'AWS::Cognito::UserPoolDomain': 'the sign-in domain: hosted sign-in is down until the new domain is live, and a custom domain gets a new CloudFront distribution (DNS must follow)',
  'AWS::Cognito::IdentityPool': "every identity id: each user's private/<identity id>/ files are orphaned and guest identities are lost",
  'AWS::DynamoDB::Table': 'every item in the table',
  'AWS::DynamoDB::GlobalTable': 'every item in the table, in every replica',
  'AWS::S3::Bucket': 'every object in the bucket (a bucket that still holds objects cannot be deleted, so the deploy fails half-way)',
  'AWS::Logs::LogGroup': "the log group's events (audit records)",
};

const RETAIN = new Set(['Retain', 'RetainExceptOnCreate', 'Snapshot']);

/** A template's resources with their construct paths (relative to the stack) and logical ids. */
function resourcesOf(stackName, template) {
  return Object.entries(template?.Resources ?? {}).map(([logicalId, resource]) => {
    const cdkPath = resource.Metadata?.['aws:cdk:path'];
    const path = cdkPath?.startsWith(`${stackName}/`) ? cdkPath.slice(stackName.length + 1) : (cdkPath ?? logicalId);
    return { logicalId, path, type: resource.Type, resource };
  });
}

function finding(stackName, subject, rule, cause, consequence, fix) {
  const sentence = consequence.trimEnd().endsWith('.') ? consequence.trimEnd() : `${consequence.trimEnd()}.`;
  return { stackName, logicalId: subject.logicalId, path: subject.path, type: subject.type, rule, cause, consequence: sentence, fix };
}

function retainedNote(resource) {
  return RETAIN.has(resource.DeletionPolicy) || RETAIN.has(resource.UpdateReplacePolicy)
    ? ' The old one stays in the account (Retain policy), but the stack moves on to a new, empty one.'
    : '';
}

/**
 * Stateful resources of `before` that `after` would replace, remove, or move to another logical ID
 * (which CloudFormation treats as remove-and-create).
 */
export function replacementFindings(stackName, before, after) {
  const beforeResources = resourcesOf(stackName, before);
  const afterResources = resourcesOf(stackName, after);
  const afterIds = new Set(afterResources.map((r) => r.logicalId));
  const beforeIds = new Set(beforeResources.map((r) => r.logicalId));
  const diff = after ? fullDiff(before, after) : undefined;
  const findings = [];
  for (const old of beforeResources.filter((r) => STATEFUL[r.type])) {
    const lost = STATEFUL[old.type] + '.' + retainedNote(old.resource);
    if (!after) {
      findings.push(finding(stackName, old, 'Removed', `the stack ${stackName} is no longer synthesized`, `Deleting the stack deletes ${lost}`, 'keep the stage in cdk.json (or retire it on purpose, with an acknowledgment)'));
      continue;
    }
    if (!afterIds.has(old.logicalId)) {
      const added = afterResources.filter((r) => r.type === old.type && !beforeIds.has(r.logicalId));
      const moved = added.find((r) => r.path === old.path) ?? (added.length === 1 ? added[0] : undefined);
      if (moved) {
        findings.push(finding(stackName, old, 'LogicalIdChanged',
          `its logical ID changes from ${old.logicalId} (${old.path}) to ${moved.logicalId} (${moved.path}), which CloudFormation treats as a new resource`,
          `Replaces it: loses ${lost}`,
          `keep the ID: move the construct back to ${old.path}, or in the construct that creates it call ((CfnResource)construct.Node.DefaultChild!).OverrideLogicalId("${old.logicalId}")`));
      } else {
        findings.push(finding(stackName, old, 'Removed', 'the resource is no longer in the template', `Deletes ${lost}`, 'restore the construct, or acknowledge the removal if the data is moved or no longer needed'));
      }
      continue;
    }
    const change = diff.resources.changes[old.logicalId];
    const impact = change?.changeImpact;
    if (impact === 'WILL_REPLACE' || impact === 'MAY_REPLACE' || (change && change.oldResourceType !== change.newResourceType)) {
      const properties = Object.entries(change.propertyUpdates ?? {})
        .filter(([, update]) => update.changeImpact === 'WILL_REPLACE' || update.changeImpact === 'MAY_REPLACE')
        .map(([name]) => name);
      const cause = properties.length > 0
        ? `a change to ${properties.join(', ')} ${impact === 'MAY_REPLACE' ? 'may require' : 'requires'} replacement`
        : 'its type changes';
      findings.push(finding(stackName, old, 'Replaced', cause, `Replaces it: loses ${lost}`, `leave ${properties.join(', ') || 'the type'} as it is; to change it, create a new resource beside the old one and move the data`));
    }
  }
  return findings;
}

/** The user pool settings Cognito cannot change after creation ("Updating user pool configuration"). */
function userPoolTraps(stackName, subject, before, after) {
  const findings = [];
  const schemaOf = (p) => new Map((p.Schema ?? []).map((a) => [a.Name, JSON.stringify(a)]));
  const oldSchema = schemaOf(before);
  const newSchema = schemaOf(after);
  for (const [name, definition] of oldSchema) {
    if (!newSchema.has(name)) {
      findings.push(finding(stackName, subject, 'SchemaAttributeRemoved', `the schema attribute ${name} is removed`, 'Cognito cannot delete a schema attribute: the update fails, and the stack rolls back', `keep ${name} in the schema (stop writing it instead)`));
    } else if (newSchema.get(name) !== definition) {
      findings.push(finding(stackName, subject, 'SchemaAttributeChanged', `the schema attribute ${name} changes from ${definition} to ${newSchema.get(name)}`, 'Cognito cannot modify an existing schema attribute (type, mutability, required, constraints): the update fails', `leave ${name} as it is and add a new attribute under a new name`));
    }
  }
  const sorted = (list) => JSON.stringify([...(list ?? [])].sort());
  for (const field of ['UsernameAttributes', 'AliasAttributes']) {
    if (sorted(before[field]) !== sorted(after[field])) {
      findings.push(finding(stackName, subject, 'SignInAttributesChanged', `${field} changes from ${sorted(before[field])} to ${sorted(after[field])}`, 'Cognito cannot change a pool\'s sign-in options after creation: the change fails or needs a new pool, and users who sign in with the old attribute are locked out', `keep ${field}; a different sign-in needs a new pool and a migration (the user migration trigger)`));
    }
  }
  if (Boolean(before.UsernameConfiguration?.CaseSensitive) !== Boolean(after.UsernameConfiguration?.CaseSensitive)) {
    findings.push(finding(stackName, subject, 'CaseSensitivityChanged', 'UsernameConfiguration.CaseSensitive changes', 'Cognito cannot change username case sensitivity after creation', 'keep UsernameConfiguration as it is'));
  }
  return findings;
}

/** A string property, resolving a Ref to another resource's named property (clients list providers by Ref or by name). */
function literal(value, resources, property) {
  if (typeof value === 'string') return value;
  const target = value?.Ref && resources[value.Ref];
  return typeof target?.Properties?.[property] === 'string' ? target.Properties[property] : undefined;
}

/** Providers and resource servers that clients name, renamed or removed (users and tokens still carry the old names). */
function namedByClientsTraps(stackName, before, after, beforeById) {
  const findings = [];
  const beforeResources = before.Resources ?? {};
  const afterResources = after.Resources ?? {};
  const ofType = (resources, type) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const clients = ofType(beforeResources, 'AWS::Cognito::UserPoolClient').map(([, c]) => c.Properties ?? {});
  const listedProviders = new Set(clients.flatMap((c) => (c.SupportedIdentityProviders ?? []).map((p) => literal(p, beforeResources, 'ProviderName'))));
  const afterProviders = new Set(ofType(afterResources, 'AWS::Cognito::UserPoolIdentityProvider').map(([, p]) => p.Properties?.ProviderName));
  for (const [logicalId, provider] of ofType(beforeResources, 'AWS::Cognito::UserPoolIdentityProvider')) {
    const name = provider.Properties?.ProviderName;
    if (typeof name === 'string' && listedProviders.has(name) && !afterProviders.has(name)) {
      const subject = beforeById.get(logicalId);
      findings.push(finding(stackName, subject, 'ProviderRenamed', `the identity provider ${name}, which app clients list, is renamed or removed`,
        `Users who signed in through ${name} are linked to that name (their usernames start with ${name}_); under another name they come back as new users, without their groups, tenant or data`,
        `keep the provider name ${name}; to retire the provider, remove it from the clients first and acknowledge`));
    }
  }
  const scopes = clients.flatMap((c) => c.AllowedOAuthScopes ?? []);
  // A scope names its server as "<identifier>/<scope>" or, as the CDK writes it, Fn::Join of a Ref to the server and "/<scope>".
  const names = (scope, logicalId, identifier) => (typeof scope === 'string'
    ? scope.startsWith(`${identifier}/`)
    : (scope?.['Fn::Join']?.[1] ?? []).some((part) => part?.Ref === logicalId));
  const afterIdentifiers = new Set(ofType(afterResources, 'AWS::Cognito::UserPoolResourceServer').map(([, r]) => r.Properties?.Identifier));
  for (const [logicalId, server] of ofType(beforeResources, 'AWS::Cognito::UserPoolResourceServer')) {
    const identifier = server.Properties?.Identifier;
    if (typeof identifier === 'string' && !afterIdentifiers.has(identifier) && scopes.some((s) => names(s, logicalId, identifier))) {
      const subject = beforeById.get(logicalId);
      findings.push(finding(stackName, subject, 'ResourceServerIdentifierChanged', `the resource server identifier ${identifier}, which names the clients' scopes, changes or goes`,
        `Every scope ${identifier}/... changes name: access tokens already issued carry the old scopes, so APIs that check the new ones refuse them until each user signs in again`,
        `keep the identifier ${identifier}; add a second resource server for new scopes instead`));
    }
  }
  return findings;
}

/** Cognito's traps between two templates of one stack. */
export function cognitoTrapFindings(stackName, before, after) {
  if (!after) return [];
  const findings = [];
  const beforeById = new Map(resourcesOf(stackName, before).map((r) => [r.logicalId, r]));
  for (const [logicalId, resource] of Object.entries(after.Resources ?? {})) {
    const old = beforeById.get(logicalId);
    if (resource.Type === 'AWS::Cognito::UserPool' && old?.type === 'AWS::Cognito::UserPool') {
      findings.push(...userPoolTraps(stackName, old, old.resource.Properties ?? {}, resource.Properties ?? {}));
    }
  }
  findings.push(...namedByClientsTraps(stackName, before, after, beforeById));
  return findings;
}

/** Every finding of one stack. */
export function stackFindings(stackName, before, after) {
  return [...replacementFindings(stackName, before, after), ...cognitoTrapFindings(stackName, before, after)];
}

/** The logical IDs and paths of a template's stateful resources, for the committed list. */
export function statefulResources(stackName, template) {
  return Object.fromEntries(resourcesOf(stackName, template).filter((r) => STATEFUL[r.type]).map((r) => [r.logicalId, { type: r.type, path: r.path }]));
}

/** Reads and checks acknowledgments: each names the stack, the logical ID, the rule and a reason of 40+ characters. */
export function loadAcknowledgments(file) {
  let raw;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GuardInputError(`${file}: ${error.code === 'ENOENT' ? 'not found' : `not JSON (${error.message})`}.`);
  }
  if (!Array.isArray(raw?.acknowledgments)) {
    throw new GuardInputError(`${file}: expected { "acknowledgments": [ ... ] }.`);
  }
  raw.acknowledgments.forEach((entry, index) => {
    const where = `${file}: acknowledgments[${index}]`;
    for (const field of ['stack', 'logicalId', 'rule']) {
      if (typeof entry?.[field] !== 'string' || entry[field].length === 0) {
        throw new GuardInputError(`${where}.${field} is missing: name the stack (e.g. "IdentityStack-dev"), the resource's logical ID and the rule (e.g. "Replaced").`);
      }
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 40) {
      throw new GuardInputError(`${where}.reason must explain, in at least 40 characters, why losing this is accepted (e.g. "dev's pool holds only test users; recreated to switch sign-in to email").`);
    }
  });
  return raw.acknowledgments;
}

/**
 * Splits findings into unacknowledged and acknowledged. An acknowledgment accepts a finding of the
 * change that adds it: entries already in the base branch's file (`inherited`) were for an earlier
 * change, so they neither accept this change's findings (a second replacement of the pool must be
 * acknowledged again) nor fail it as stale; only this change's own entries that match nothing do.
 */
export function applyAcknowledgments(findings, acknowledgments, inherited = []) {
  const matches = (ack, f) => ack.stack === f.stackName && ack.logicalId === f.logicalId && ack.rule === f.rule;
  const same = (a, b) => a.stack === b.stack && a.logicalId === b.logicalId && a.rule === b.rule;
  const own = acknowledgments.filter((a) => !inherited.some((b) => same(a, b)));
  return {
    findings: findings.filter((f) => !own.some((a) => matches(a, f))),
    acknowledged: findings.filter((f) => own.some((a) => matches(a, f))),
    stale: own.filter((a) => !findings.some((f) => matches(a, f))),
    inherited: acknowledgments.filter((a) => inherited.some((b) => same(a, b))),
  };
}

/** The acknowledgments of the base branch's file, as far as they can be read (none when it lacks the file). */
export function inheritedAcknowledgments(text) {
  try {
    const entries = JSON.parse(text)?.acknowledgments;
    return Array.isArray(entries) ? entries.filter((e) => e && typeof e === 'object') : [];
  } catch {
    return [];
  }
}

/** One line per finding, in plain words. */
export function describeFinding(f) {
  return `${f.stackName}: ${f.path} [${f.logicalId}, ${f.type}] ${f.rule}: ${f.cause}. ${f.consequence} Fix: ${f.fix}.`;
}

export class GuardInputError extends Error {}
