// The template gate: checks every stack template of a cloud assembly offline with
//  1. CloudFormation schema validation (aws-cdk-lib's default rules, every finding an error),
//  2. cdk-nag AwsSolutionsChecks,
//  3. AWS Control Tower proactive controls as AWS CloudFormation Guard rules
//     (@cdklabs/cdk-validator-cfnguard, which ships the cfn-guard binary and the rules), and
//  4. the platform's own rules (production settings, alarm actions).
// Findings can only be accepted by an entry in acknowledgments.json that names the stages it applies
// to (a stage class: "all", "production", "non-production"; or a list of stage names), the construct
// path, the rule and a reason. A new stage of an existing class needs no new entries. Entries that
// match nothing in any stage they apply to are reported as stale when the assembly holds every stage.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { App, BootstraplessSynthesizer, Stack, Validations } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';

const require = createRequire(import.meta.url);
const VALIDATE_AGAINST_DEFAULT_RULES = '@aws-cdk/core:validateAgainstDefaultRules';
const INCLUDE_ID = 'Template';
const GATE_STACK_ID = 'Gate';
/** The name cdk-validator-cfnguard reports under; its findings are acknowledged as `cdk-validator-cfnguard::<rule name>`. */
export const GUARD_PLUGIN = 'cdk-validator-cfnguard';

/** Plugin name in CDK's validation report -> prefix of an acknowledgment id. */
const PLUGIN_PREFIX = { AwsSolutions: 'AwsSolutions', 'CloudFormation Validate': 'CloudFormation-Validate', [GUARD_PLUGIN]: GUARD_PLUGIN };

export const DEFAULT_ACKNOWLEDGMENTS = fileURLToPath(new URL('./acknowledgments.json', import.meta.url));

/** Stack templates listed in a cloud assembly's manifest. */
export function stackTemplates(cdkOut) {
  const manifestFile = path.join(cdkOut, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new GateInputError(`${manifestFile} not found: synthesize first (./build.sh synth).`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  return Object.entries(manifest.artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([stackName, artifact]) => ({ stackName, templateFile: path.join(cdkOut, artifact.properties.templateFile) }));
}

/** Stage classes an acknowledgment may name in `stages` instead of a list of stage names. */
export const STAGE_CLASSES = Object.freeze(['all', 'production', 'non-production']);

/** The template metadata key the app sets to the stage's name (IdentityPlatformStack.StageMetadataKey). */
export const STAGE_METADATA_KEY = 'IdentityStack:Stage';

/** The stage a template was synthesized for and its class; a stack without the metadata is a stage of its own name. */
export function stageOf(stackName, template) {
  const name = template.Metadata?.[STAGE_METADATA_KEY];
  const production = template.Metadata?.[PRODUCTION_METADATA_KEY] === true;
  return { name: typeof name === 'string' && name.length > 0 ? name : stackName, production, stageClass: production ? 'production' : 'non-production' };
}

/** Whether an acknowledgment's `stages` (a class, or a list of classes and stage names) covers a stage. */
export function appliesTo(acknowledgment, stage) {
  return [acknowledgment.stages].flat().some((entry) => entry === 'all' || entry === stage.stageClass || entry === stage.name);
}

/** Reads and checks acknowledgments.json: every entry needs rule, stages, path and a real reason. */
export function loadAcknowledgments(file) {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entries = raw.acknowledgments;
  if (!Array.isArray(entries)) {
    throw new GateInputError(`${file}: expected { "acknowledgments": [ ... ] }.`);
  }
  entries.forEach((entry, index) => {
    const where = `${file}: acknowledgments[${index}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new GateInputError(`${where} must be an object with rule, stages, path and reason.`);
    }
    if (typeof entry.rule !== 'string' || !entry.rule.includes('::')) {
      throw new GateInputError(`${where}.rule must look like "AwsSolutions::AwsSolutions-COG2", "cdk-validator-cfnguard::lambda_inside_vpc_check" or "CloudFormation-Validate::E3002".`);
    }
    if (entry.stacks !== undefined) {
      throw new GateInputError(`${where}.stacks is no longer read: name the stages instead, as a class ("stages": "all", "production" or "non-production") or a list of stage names ("stages": ["dev"]).`);
    }
    const listed = Array.isArray(entry.stages) && entry.stages.length > 0 && entry.stages.every((name) => typeof name === 'string' && /^[A-Za-z][A-Za-z0-9-]{0,63}$/.test(name));
    if (!STAGE_CLASSES.includes(entry.stages) && !listed) {
      throw new GateInputError(`${where}.stages must be "all", "production", "non-production", or a list of those and stage names such as ["non-production", "staging"]; got ${JSON.stringify(entry.stages) ?? 'nothing'}.`);
    }
    if (typeof entry.path !== 'string' || entry.path.length === 0) {
      throw new GateInputError(`${where}.path must be the construct path inside the stack, e.g. "Identity/UserPool/Resource" ('*' stands for one segment).`);
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 40) {
      throw new GateInputError(`${where}.reason must explain, in at least 40 characters, why accepting ${entry.rule} is safe.`);
    }
  });
  return entries;
}

/**
 * Checks one template; returns { stackName, stage, resourceCount, resourceTypes, findings, acknowledged,
 * applicable, unmatched }: the acknowledgments that apply to its stage, and those of them that matched no resource.
 */
export function checkTemplate({ stackName, templateFile }, acknowledgments) {
  const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
  const stage = stageOf(stackName, template);
  const resources = template.Resources ?? {};
  const logicalIdByPath = new Map();
  const pathByLogicalId = new Map();
  for (const [logicalId, resource] of Object.entries(resources)) {
    const cdkPath = resource.Metadata?.['aws:cdk:path'];
    const relative = cdkPath?.startsWith(`${stackName}/`) ? cdkPath.slice(stackName.length + 1) : (cdkPath ?? logicalId);
    logicalIdByPath.set(relative, logicalId);
    pathByLogicalId.set(logicalId, relative);
  }

  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-gate-'));
  try {
    const app = new App({ outdir, context: { [VALIDATE_AGAINST_DEFAULT_RULES]: true } });
    const stack = new Stack(app, GATE_STACK_ID, { synthesizer: new BootstraplessSynthesizer() });
    const included = new CfnInclude(stack, INCLUDE_ID, { templateFile });

    const applied = [];
    const applicable = acknowledgments.filter((a) => appliesTo(a, stage));
    const unmatched = [];
    for (const ack of applicable) {
      const pattern = pathPattern(ack.path);
      const logicalIds = [...logicalIdByPath].filter(([cdkPath]) => pattern.test(cdkPath)).map(([, id]) => id);
      if (logicalIds.length === 0) {
        unmatched.push(ack);
        continue;
      }
      for (const logicalId of logicalIds) {
        Validations.of(included.getResource(logicalId)).acknowledge({ id: ack.rule, reason: ack.reason });
        applied.push({ ...ack, logicalId });
      }
    }
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new CfnGuardValidator({ controlTowerRulesEnabled: true }));

    const report = synthesizeQuietly(app, outdir);
    const findings = [];
    for (const plugin of report?.pluginReports ?? []) {
      for (const violation of plugin.violations ?? []) {
        for (const construct of violation.violatingConstructs ?? []) {
          const logicalId = construct.cloudFormationResource?.logicalId ?? construct.constructPath.split('/').at(-1);
          findings.push({
            stackName,
            logicalId,
            path: pathByLogicalId.get(logicalId) ?? construct.constructPath,
            plugin: plugin.pluginName,
            rule: violation.ruleName,
            acknowledgmentId: `${PLUGIN_PREFIX[plugin.pluginName] ?? plugin.pluginName}::${violation.ruleName}`,
            severity: violation.severity,
            description: violation.description,
            suggestedFix: violation.suggestedFix,
            propertyPaths: construct.cloudFormationResource?.propertyPaths ?? [],
          });
        }
      }
    }

    findings.push(...productionFindings(stackName, template, pathByLogicalId));
    findings.push(...alarmActionFindings(stackName, template, pathByLogicalId));

    const resourceTypes = {};
    for (const resource of Object.values(resources)) {
      resourceTypes[resource.Type] = (resourceTypes[resource.Type] ?? 0) + 1;
    }
    return { stackName, stage, resourceCount: Object.keys(resources).length, resourceTypes, findings, acknowledged: applied, applicable, unmatched };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The template metadata key the construct library sets on production stacks (ProductionPolicy.TemplateMetadataKey). */
export const PRODUCTION_METADATA_KEY = 'IdentityStack:Production';

/**
 * A stack marked production must carry production settings in its synthesized template, whatever
 * produced it (configuration, an L1 override, a hand edit): threat protection ENFORCED, MFA ON,
 * deletion protection ACTIVE and DeletionPolicy Retain on every user pool; no USER_PASSWORD_AUTH
 * and only https, non-localhost callback and logout URLs on every app client; alarms with someone
 * subscribed (an email subscription or an existing topic as action); identity providers whose users
 * can get tokens under the allow-list and that assert only listed tenants; no developer login; social
 * identities of the identity pool read-only. Not acknowledgeable:
 * a production stage that needs an exception is not production.
 */
export function productionFindings(stackName, template, pathByLogicalId = new Map()) {
  if (template.Metadata?.[PRODUCTION_METADATA_KEY] !== true) return [];
  const findings = [];
  const finding = (logicalId, rule, description, propertyPath) => findings.push(
    platformFinding(stackName, logicalId, pathByLogicalId, 'IdentityStack production policy', rule, `Production::${rule}`, description, propertyPath),
  );
  const isPublicHttps = (url) => {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    } catch {
      return false;
    }
  };
  const resources = Object.entries(template.Resources ?? {});
  const alarms = resources.filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm');
  const subscribed = resources.some(([, r]) => r.Type === 'AWS::SNS::Subscription')
    || alarms.some(([, r]) => (r.Properties?.AlarmActions ?? []).some((action) => typeof action === 'string' && action.includes(':sns:')));
  if (alarms.length > 0 && !subscribed) {
    finding(alarms[0][0], 'AlarmsReachSomeone', 'Production alarms reach someone: no SNS subscription in the stack and no alarm action to an existing topic (alarms.email / alarms.topicArn).', 'AlarmActions');
  }
  federationRules(resources, finding);
  developerLoginRules(resources, finding);
  identityPoolRules(resources, finding);
  for (const [logicalId, resource] of resources) {
    const p = resource.Properties ?? {};
    if (resource.Type === 'AWS::Cognito::UserPool') {
      if (p.UserPoolAddOns?.AdvancedSecurityMode !== 'ENFORCED') finding(logicalId, 'ThreatProtectionEnforced', 'Production user pools enforce threat protection (UserPoolAddOns.AdvancedSecurityMode ENFORCED).', 'UserPoolAddOns.AdvancedSecurityMode');
      if (p.MfaConfiguration !== 'ON') finding(logicalId, 'MfaRequired', 'Production user pools require MFA (MfaConfiguration ON).', 'MfaConfiguration');
      if (p.DeletionProtection !== 'ACTIVE') finding(logicalId, 'DeletionProtection', 'Production user pools have deletion protection (DeletionProtection ACTIVE).', 'DeletionProtection');
      if (resource.DeletionPolicy !== 'Retain') finding(logicalId, 'RetainPool', 'Production user pools are retained when the stack goes (DeletionPolicy Retain).', 'DeletionPolicy');
      const oneFactor = (p.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).filter((f) => f === 'EMAIL_OTP' || f === 'SMS_OTP');
      if (oneFactor.length > 0) finding(logicalId, 'NoOneTimeCodeFirstFactor', `Production user pools offer no one-time code as the first factor (${oneFactor.join(', ')}): Cognito asks for MFA only after a password, so the code alone would sign a user in.`, 'Policies.SignInPolicy.AllowedFirstAuthFactors');
    }
    if (resource.Type === 'AWS::Cognito::UserPoolClient') {
      if ((p.ExplicitAuthFlows ?? []).includes('ALLOW_USER_PASSWORD_AUTH')) finding(logicalId, 'NoPasswordAuth', 'Production app clients do not allow USER_PASSWORD_AUTH (the password itself sent to Cognito).', 'ExplicitAuthFlows');
      for (const field of ['CallbackURLs', 'LogoutURLs']) {
        for (const url of p[field] ?? []) {
          if (typeof url !== 'string' || !isPublicHttps(url)) finding(logicalId, 'HttpsRedirectsOnly', `Production app clients redirect only to https URLs that are not localhost (${field}: ${JSON.stringify(url)}).`, field);
        }
      }
    }
  }
  return findings;
}

/** The environment variables of the stack's functions that carry the triggers' settings (ALLOWED_EMAIL_DOMAINS is set on every trigger). */
function triggerSettings(resources) {
  const variables = resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function')
    .map(([, r]) => r.Properties?.Environment?.Variables ?? {})
    .find((v) => typeof v.ALLOWED_EMAIL_DOMAINS === 'string' && 'GROUP_SCOPES' in v);
  const list = (value) => (typeof value === 'string' ? value.split(',').map((x) => x.trim()).filter(Boolean) : []);
  const named = (value) => new Map((typeof value === 'string' ? value.split(';') : []).map((e) => e.split('=')).filter((p) => p.length === 2).map(([k, v]) => [k.trim().toLowerCase(), list(v)]));
  return {
    allowList: list(variables?.ALLOWED_EMAIL_DOMAINS),
    trusted: new Set(list(variables?.TRUSTED_EMAIL_PROVIDERS).map((n) => n.toLowerCase())),
    exempt: new Set(list(variables?.ALLOW_LIST_EXEMPT_PROVIDERS).map((n) => n.toLowerCase())),
    tenants: named(variables?.PROVIDER_TENANTS),
    fixed: named(variables?.PROVIDER_FIXED_TENANTS),
  };
}

/**
 * Production federation (tenant-isolation review, points 1 and 2): with an email allow-list, each
 * identity provider either maps email_verified (custom:idp_email_verified) or is trusted for email
 * or exempt from the list, else its users could never get tokens; a provider that maps a tenant
 * claim (custom:idp_tenant) has the list of tenants it may assert in the triggers' settings.
 */
function federationRules(resources, finding) {
  const settings = triggerSettings(resources);
  for (const [logicalId, resource] of resources.filter(([, r]) => r.Type === 'AWS::Cognito::UserPoolIdentityProvider')) {
    const name = String(resource.Properties?.ProviderName ?? '');
    const key = name.toLowerCase();
    const mapping = resource.Properties?.AttributeMapping ?? {};
    if (settings.allowList.length > 0 && !('custom:idp_email_verified' in mapping) && !settings.trusted.has(key) && !settings.exempt.has(key)) {
      finding(logicalId, 'ProviderUsersCanGetTokens', `Identity provider ${name} maps no email_verified and is neither trusted for email nor exempt from the allow-list: with an allow-list its users can never get tokens (federation[].trustEmail or exemptFromAllowList).`, 'AttributeMapping');
    }
    if ('custom:idp_tenant' in mapping && !settings.tenants.has(key)) {
      finding(logicalId, 'ProviderTenantsListed', `Identity provider ${name} maps a tenant claim but the triggers have no list of the tenants it may assert (PROVIDER_TENANTS): it could give any tenant (federation[].tenants).`, 'AttributeMapping');
    }
    if ('custom:idp_tenant' in mapping && settings.fixed.has(key)) {
      finding(logicalId, 'ProviderTenantsListed', `Identity provider ${name} has a fixed tenant and still maps a tenant claim: map none.`, 'AttributeMapping');
    }
  }
}

/** Production offers no developer login (point 3): it signs legacy users in without MFA. */
function developerLoginRules(resources, finding) {
  for (const [logicalId, resource] of resources) {
    if (resource.Type === 'AWS::Lambda::Function' && resource.Properties?.Handler === 'DeveloperLogin') {
      finding(logicalId, 'NoDeveloperLogin', 'Production offers no developer login: it signs legacy users in with their old password alone, without MFA (remove api.developerLogin; migrate those users).', 'Handler');
    }
    if (resource.Type === 'AWS::ApiGatewayV2::Route' && resource.Properties?.RouteKey === 'POST /developer-identity') {
      finding(logicalId, 'NoDeveloperLogin', 'Production offers no developer login route (POST /developer-identity).', 'RouteKey');
    }
  }
}

const WRITE_ACTION = /^(s3:(Put|Delete)|dynamodb:(Put|Update|Delete|BatchWrite)|\*$|s3:\*|dynamodb:\*)/;

/**
 * A production identity pool that takes social tokens directly (SupportedLoginProviders) gives
 * their identities only a read-only role (point 4): the role the attachment maps "authenticated"
 * to (the external role) has no write action in any of its policies.
 */
function identityPoolRules(resources, finding) {
  const byId = new Map(resources);
  for (const [poolId, pool] of resources.filter(([, r]) => r.Type === 'AWS::Cognito::IdentityPool')) {
    const social = Object.keys(pool.Properties?.SupportedLoginProviders ?? {});
    if (social.length === 0) continue;
    const attachment = resources.find(([, r]) => r.Type === 'AWS::Cognito::IdentityPoolRoleAttachment' && r.Properties?.IdentityPoolId?.Ref === poolId);
    const roleId = attachment?.[1].Properties?.Roles?.authenticated?.['Fn::GetAtt']?.[0];
    const writes = resources
      .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && (r.Properties?.Roles ?? []).some((role) => role?.Ref === roleId))
      .flatMap(([, r]) => r.Properties?.PolicyDocument?.Statement ?? [])
      .filter((st) => st.Effect === 'Allow')
      .flatMap((st) => [st.Action].flat())
      .filter((action) => typeof action === 'string' && WRITE_ACTION.test(action));
    const inline = (byId.get(roleId)?.Properties?.Policies ?? []).flatMap((p) => p.PolicyDocument?.Statement ?? []).flatMap((st) => [st.Action].flat()).filter((a) => typeof a === 'string' && WRITE_ACTION.test(a));
    if (!roleId || writes.length + inline.length > 0) {
      finding(poolId, 'SocialIdentitiesReadOnly', `Production identity pool takes ${social.join(', ')} tokens directly, and the role those identities get ${roleId ? `(${roleId}) may write (${[...new Set([...writes, ...inline])].join(', ')})` : 'is not a role of this stack'}: they skip the user pool's allow-list, MFA and suspension. Remove identityPool.publicProviders or set externalIdentities to readOnly.`, 'SupportedLoginProviders');
    }
  }
}

/**
 * Every CloudWatch alarm of every stack tells someone: at least one alarm action and one OK action
 * (an alarm without actions changes state in a console nobody watches). The construct library's
 * AlarmNotifications gives them; this catches an alarm added after it ran, or by hand.
 */
export function alarmActionFindings(stackName, template, pathByLogicalId = new Map()) {
  const findings = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::CloudWatch::Alarm') continue;
    for (const field of ['AlarmActions', 'OKActions']) {
      const actions = resource.Properties?.[field];
      if (!Array.isArray(actions) || actions.length === 0) {
        findings.push(platformFinding(stackName, logicalId, pathByLogicalId, 'IdentityStack alarm notifications', 'AlarmNotifies', 'Alarms::AlarmNotifies',
          `Every alarm notifies someone: ${field} is empty. Create alarms before AlarmNotifications.NotifyOnEveryAlarm runs (or add its topic as an action).`, field));
      }
    }
  }
  return findings;
}

/**
 * The constructs a violation names. cfn-guard reports a rule that failed for a resource once more
 * without any resource (an empty construct path); that duplicate is dropped. A violation that names
 * no resource at all stays, as the whole template's finding (it cannot be acknowledged by path).
 */
export function resourcesOf(violation) {
  const constructs = violation.violatingConstructs ?? [];
  const named = constructs.filter((c) => c.constructPath || c.cloudFormationResource?.logicalId);
  if (named.length > 0) return named;
  return constructs.length > 0 ? [{ constructPath: '(template)', cloudFormationResource: { logicalId: '(template)' } }] : [];
}

/** A finding of the platform's own rules (production policy, alarm actions): always an error, about one property of one resource. */
function platformFinding(stackName, logicalId, pathByLogicalId, plugin, rule, acknowledgmentId, description, propertyPath) {
  return {
    stackName,
    logicalId,
    path: pathByLogicalId.get(logicalId) ?? logicalId,
    plugin,
    rule,
    acknowledgmentId,
    severity: 'error',
    description,
    propertyPaths: [propertyPath],
  };
}

/** An acknowledgment path as a regular expression: `*` stands for exactly one path segment. */
export function pathPattern(ackPath) {
  const segments = ackPath.split('/').map((segment) => (segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${segments.join('/')}$`);
}

/** Synthesizes with validation on; CDK prints its own report and throws when anything fails: keep both out of our output. */
function synthesizeQuietly(app, outdir) {
  const saved = { log: console.log, error: console.error, warn: console.warn, info: console.info };
  console.log = console.error = console.warn = console.info = () => {};
  try {
    app.synth();
  } catch (error) {
    if (!fs.existsSync(path.join(outdir, 'validation-report.json'))) {
      throw error;
    }
  } finally {
    Object.assign(console, saved);
  }
  const reportFile = path.join(outdir, 'validation-report.json');
  return fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined;
}

/**
 * Runs the gate over every stack of a cloud assembly. An acknowledgment is stale when it matches no
 * resource in any stack it applies to. With `partial` (the assembly holds only some stages, as after
 * `./build.sh synth --stage NAME`) an acknowledgment may be meant for a stage that is not there, or
 * for a feature that stage does not use, so unmatched ones are listed as `unused`, not failed; the
 * full assembly (`./build.sh synth --all`, CI) reports them as stale.
 */
export function runGate({ cdkOut, acknowledgmentsFile = DEFAULT_ACKNOWLEDGMENTS, partial = false }) {
  const acknowledgments = loadAcknowledgments(acknowledgmentsFile);
  const templates = stackTemplates(cdkOut);
  if (templates.length === 0) {
    throw new GateInputError(`${cdkOut}/manifest.json lists no stacks: synthesize first (./build.sh synth).`);
  }
  const stacks = templates.map((t) => checkTemplate(t, acknowledgments));
  const findings = stacks.flatMap((s) => s.findings);
  const unmatched = acknowledgments
    .filter((ack) => !stacks.some((s) => s.applicable.includes(ack) && !s.unmatched.includes(ack)))
    .map((ack) => ({ ...ack, stackNames: stacks.filter((s) => s.applicable.includes(ack)).map((s) => s.stackName) }));
  const stale = partial ? [] : unmatched;
  const unused = partial ? unmatched : [];
  return { stacks, findings, stale, unused, passed: findings.length === 0 && stale.length === 0 };
}

/** How an acknowledgment's `stages` reads in a sentence. */
export function describeStages(stages) {
  return [stages].flat().map((entry) => (STAGE_CLASSES.includes(entry) ? `${entry} stages` : `stage ${entry}`)).join(' and ');
}

/** What to do about a finding: cdk-nag's own explanation of the rule, or the schema message. */
export function advice(finding) {
  if (finding.plugin === 'IdentityStack production policy') {
    return `${finding.description} Fix the stage configuration (or the construct props) rather than the template; the configuration reader names the setting.`;
  }
  if (finding.plugin === GUARD_PLUGIN) {
    return `${finding.suggestedFix ?? 'see the rule in @cdklabs/cdk-validator-cfnguard/rules/control-tower.'} (AWS Control Tower proactive control ${finding.description.match(/\[(CT\.[A-Z0-9.]+)\]/)?.[1] ?? ''})`;
  }
  if (finding.plugin === 'CloudFormation Validate') {
    const where = finding.propertyPaths.length > 0 ? ` (${finding.propertyPaths.join(', ')})` : '';
    return `correct the property${where} to match the CloudFormation schema; if it is set by an L1 override, fix the override.`;
  }
  return ruleExplanations().get(finding.rule.replace(/\[.*\]$/, '')) ?? 'see cdk-nag RULES.md for this rule.';
}

let explanations;
function ruleExplanations() {
  if (!explanations) {
    explanations = new Map();
    const rules = fs.readFileSync(path.join(path.dirname(require.resolve('cdk-nag/package.json')), 'RULES.md'), 'utf8');
    for (const line of rules.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      if (cells.length >= 4 && /^[A-Za-z]+-[A-Z0-9]+$/.test(cells[1]) && !explanations.has(cells[1])) {
        explanations.set(cells[1], cells[3]);
      }
    }
  }
  return explanations;
}

export class GateInputError extends Error {}
