import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cloudAssembly } from '../../testing/cloud-assembly.mjs';
import { advice, alarmActionFindings, GateInputError, GUARD_PLUGIN, loadAcknowledgments, productionFindings, resourcesOf, runGate, stageOf } from '../gate-lib.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const realCdkOut = process.env.GATE_CDK_OUT ?? path.join(repoRoot, 'cdk.out');

const assembly = cloudAssembly;

function acknowledgmentsFile(entries) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gate-ack-')), 'acknowledgments.json');
  fs.writeFileSync(file, JSON.stringify({ acknowledgments: entries }));
  return file;
}

/** A pool that passes every check: the shape the construct library produces. */
function goodPool(overrides = {}) {
  return {
    Type: 'AWS::Cognito::UserPool',
    Metadata: { 'aws:cdk:path': 'Demo/Identity/UserPool/Resource' },
    Properties: {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true,
          RequireSymbols: true, TemporaryPasswordValidityDays: 3, PasswordHistorySize: 5,
        },
      },
      ...overrides,
    },
  };
}

const noAcknowledgments = acknowledgmentsFile([]);

describe('template gate: production policy', () => {
  const production = (resources) => ({ Metadata: { 'IdentityStack:Production': true }, Resources: resources });
  const goodClient = { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'p', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], CallbackURLs: ['https://app.example.com/cb'], LogoutURLs: ['https://app.example.com/'] } };
  const retained = (pool) => ({ ...pool, DeletionPolicy: 'Retain', Properties: { ...pool.Properties, DeletionProtection: 'ACTIVE' } });

  it('passes a production template with production settings', () => {
    const result = runGate({ cdkOut: assembly({ Prod: production({ Pool: retained(goodPool()), Client: goodClient }) }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(result.findings.filter((f) => f.plugin === 'IdentityStack production policy'), []);
  });

  it('fails a production template whose properties dodge the configuration, one finding per weakened setting', () => {
    const weakPool = { ...goodPool({ MfaConfiguration: 'OPTIONAL', UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' }, DeletionProtection: 'INACTIVE' }), DeletionPolicy: 'Delete' };
    const weakClient = { ...goodClient, Properties: { ...goodClient.Properties, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'], CallbackURLs: ['http://localhost:5173/cb', 'https://app.example.com/cb'] } };

    const result = runGate({ cdkOut: assembly({ Prod: production({ Pool: weakPool, Client: weakClient }) }), acknowledgmentsFile: noAcknowledgments });

    const rules = result.findings.filter((f) => f.plugin === 'IdentityStack production policy').map((f) => `${f.logicalId}:${f.rule}`).sort();
    assert.deepEqual(rules, ['Client:HttpsRedirectsOnly', 'Client:NoPasswordAuth', 'Pool:DeletionProtection', 'Pool:MfaRequired', 'Pool:RetainPool', 'Pool:ThreatProtectionEnforced']);
    assert.equal(result.passed, false);
    assert.match(advice(result.findings.find((f) => f.rule === 'NoPasswordAuth')), /Fix the stage configuration/);
  });

  it('fails a production template whose alarms reach no one, and passes it with an email subscription or an existing topic', () => {
    const alarm = (actions) => ({ Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmActions: actions, OKActions: actions, Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanThreshold', MetricName: 'Errors', Namespace: 'AWS/Lambda', Period: 300, Statistic: 'Sum' } });
    const topic = { Type: 'AWS::SNS::Topic', Properties: {} };
    const rule = (result) => result.findings.filter((f) => f.rule === 'AlarmsReachSomeone');
    const base = { Pool: retained(goodPool()), Client: goodClient, Topic: topic };

    const silent = runGate({ cdkOut: assembly({ Prod: production({ ...base, Alarm: alarm([{ Ref: 'Topic' }]) }) }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(rule(silent).map((f) => [f.logicalId, f.acknowledgmentId]), [['Alarm', 'Production::AlarmsReachSomeone']]);

    const email = { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: { Ref: 'Topic' } } };
    const byEmail = runGate({ cdkOut: assembly({ Prod: production({ ...base, Alarm: alarm([{ Ref: 'Topic' }]), Email: email }) }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(rule(byEmail), []);
    const byTopic = runGate({ cdkOut: assembly({ Prod: production({ ...base, Alarm: alarm([{ Ref: 'Topic' }, 'arn:aws:sns:eu-west-1:123456789012:pager']) }) }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(rule(byTopic), []);
  });

  // The side doors of the tenant-isolation review, checked on what was synthesized whatever made it.
  const triggers = (variables) => ({ Type: 'AWS::Lambda::Function', Properties: { Handler: 'PreTokenGeneration', Environment: { Variables: { GROUP_SCOPES: '', ALLOWED_EMAIL_DOMAINS: 'example.com', ...variables } } } });
  const provider = (name, mapping) => ({ Type: 'AWS::Cognito::UserPoolIdentityProvider', Properties: { ProviderName: name, AttributeMapping: { email: 'email', ...mapping } } });
  const rulesOf = (resources) => productionFindings('Prod', production(resources)).map((f) => `${f.logicalId}:${f.rule}`).sort();

  it('fails providers whose users could never get tokens under the allow-list, or that may assert any tenant', () => {
    assert.deepEqual(rulesOf({
      Fn: triggers({ TRUSTED_EMAIL_PROVIDERS: 'Facebook', PROVIDER_TENANTS: 'AcmeOidc=acme-01', PROVIDER_FIXED_TENANTS: 'AcmeSaml=acme-01', ALLOW_LIST_EXEMPT_PROVIDERS: 'AcmeSaml' }),
      Facebook: provider('Facebook', {}),
      Amazon: provider('LoginWithAmazon', {}),
      Oidc: provider('AcmeOidc', { 'custom:idp_email_verified': 'email_verified', 'custom:idp_tenant': 'tenant' }),
      Rogue: provider('RogueOidc', { 'custom:idp_email_verified': 'email_verified', 'custom:idp_tenant': 'tenant' }),
      Saml: provider('AcmeSaml', {}),
    }), ['Amazon:ProviderUsersCanGetTokens', 'Rogue:ProviderTenantsListed']);
    // Without an allow-list, email verification decides nothing.
    assert.deepEqual(rulesOf({ Fn: triggers({ ALLOWED_EMAIL_DOMAINS: '' }), Amazon: provider('LoginWithAmazon', {}) }), []);
  });

  it('fails a production pool that signs users in with a one-time code alone', () => {
    const pool = retained(goodPool({ Policies: { ...goodPool().Properties.Policies, SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'SMS_OTP', 'WEB_AUTHN'] } } }));
    assert.deepEqual(rulesOf({ Pool: pool }), ['Pool:NoOneTimeCodeFirstFactor']);
    const passkeys = retained(goodPool({ Policies: { ...goodPool().Properties.Policies, SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } } }));
    assert.deepEqual(rulesOf({ Pool: passkeys }), []);
  });

  it('fails a developer login function or route', () => {
    assert.deepEqual(rulesOf({
      Login: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'DeveloperLogin' } },
      Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { RouteKey: 'POST /developer-identity' } },
    }), ['Login:NoDeveloperLogin', 'Route:NoDeveloperLogin']);
  });

  it('fails social identities of the identity pool that may write, and passes a read-only role', () => {
    const pool = { Type: 'AWS::Cognito::IdentityPool', Properties: { SupportedLoginProviders: { 'accounts.google.com': 'g' } } };
    const attachment = { Type: 'AWS::Cognito::IdentityPoolRoleAttachment', Properties: { IdentityPoolId: { Ref: 'Pool' }, Roles: { authenticated: { 'Fn::GetAtt': ['External', 'Arn'] } } } };
    const policy = (actions) => ({ Type: 'AWS::IAM::Policy', Properties: { Roles: [{ Ref: 'External' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } } });
    const role = { Type: 'AWS::IAM::Role', Properties: {} };

    assert.deepEqual(rulesOf({ Pool: pool, Attach: attachment, External: role, Policy: policy(['s3:GetObject', 's3:PutObject']) }), ['Pool:SocialIdentitiesReadOnly']);
    assert.deepEqual(rulesOf({ Pool: pool, Attach: attachment, External: role, Policy: policy(['s3:GetObject', 'dynamodb:Query']) }), []);
    assert.deepEqual(rulesOf({ Pool: { ...pool, Properties: {} }, Attach: attachment, External: role, Policy: policy(['s3:PutObject']) }), []);
  });

  it('does not hold stacks that are not marked production to it', () => {
    const result = runGate({ cdkOut: assembly({ Dev: { Resources: { Client: { ...goodClient, Properties: { ...goodClient.Properties, CallbackURLs: ['http://localhost:5173/cb'] } } } } }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(result.findings.filter((f) => f.plugin === 'IdentityStack production policy'), []);
  });

  it('the real staging and prod templates are marked production and pass it', () => {
    for (const stage of ['staging', 'prod']) {
      const template = JSON.parse(fs.readFileSync(path.join(realCdkOut, `IdentityStack-${stage}.template.json`), 'utf8'));
      assert.equal(template.Metadata?.['IdentityStack:Production'], true, `${stage} is marked production`);
    }
    const dev = JSON.parse(fs.readFileSync(path.join(realCdkOut, 'IdentityStack-dev.template.json'), 'utf8'));
    assert.notEqual(dev.Metadata?.['IdentityStack:Production'], true);
  });
});

describe('template gate: every alarm notifies someone', () => {
  const alarm = (properties) => ({ Type: 'AWS::CloudWatch::Alarm', Properties: { MetricName: 'Errors', Namespace: 'AWS/Lambda', ...properties } });

  it('names each alarm without an alarm or OK action', () => {
    const template = { Resources: {
      Silent: alarm({}),
      NoRecovery: alarm({ AlarmActions: [{ Ref: 'Topic' }] }),
      Emptied: alarm({ AlarmActions: [], OKActions: [{ Ref: 'Topic' }] }),
      Wired: alarm({ AlarmActions: [{ Ref: 'Topic' }], OKActions: [{ Ref: 'Topic' }] }),
    } };

    const found = alarmActionFindings('Dev', template).map((f) => `${f.logicalId}:${f.propertyPaths[0]}`).sort();

    assert.deepEqual(found, ['Emptied:AlarmActions', 'NoRecovery:OKActions', 'Silent:AlarmActions', 'Silent:OKActions']);
  });

  it('fails the gate on a silent alarm in any stack, production or not', () => {
    const result = runGate({ cdkOut: assembly({ Dev: { Resources: { Silent: alarm({}) } } }), acknowledgmentsFile: noAcknowledgments });
    assert.equal(result.passed, false);
    assert.ok(result.findings.some((f) => f.rule === 'AlarmNotifies' && f.logicalId === 'Silent'));
  });

  it('every alarm of every real stage has alarm and OK actions to the stage topic', () => {
    for (const stage of ['dev', 'staging', 'prod']) {
      const template = JSON.parse(fs.readFileSync(path.join(realCdkOut, `IdentityStack-${stage}.template.json`), 'utf8'));
      const alarms = Object.values(template.Resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
      assert.ok(alarms.length > 0, `${stage} has alarms`);
      assert.deepEqual(alarmActionFindings(stage, template), []);
      const topicIds = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::SNS::Topic').map(([id]) => id);
      for (const a of alarms) {
        assert.ok(a.Properties.AlarmActions.some((x) => topicIds.includes(x.Ref)), `${stage} alarm publishes to the stage topic`);
      }
    }
  });
});

describe('template gate: AWS Control Tower proactive controls (cfn-guard)', () => {
  const logGroup = (properties) => ({ Type: 'AWS::Logs::LogGroup', Metadata: { 'aws:cdk:path': 'Demo/Audit/Logs/Resource' }, Properties: properties });
  const guardFindings = (result) => result.findings.filter((f) => f.plugin === GUARD_PLUGIN);
  const keyWithPolicy = (statements) => ({
    Type: 'AWS::KMS::Key',
    Metadata: { 'aws:cdk:path': 'Demo/Logs/Key/Resource' },
    Properties: { EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: statements } },
  });
  const adminStatement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' };

  it('fails an unencrypted log group with a short retention, naming each control and its fix', () => {
    const result = runGate({ cdkOut: assembly({ Demo: { Resources: { Logs: logGroup({ RetentionInDays: 30 }) } } }), acknowledgmentsFile: noAcknowledgments });

    const findings = guardFindings(result);
    assert.deepEqual(findings.map((f) => f.rule).sort(), ['cloudwatch_log_group_encrypted_check', 'cloudwatch_log_group_retention_period_check']);
    for (const finding of findings) {
      assert.equal(finding.path, 'Audit/Logs/Resource');
      assert.equal(finding.acknowledgmentId, `${GUARD_PLUGIN}::${finding.rule}`);
      assert.match(finding.description, /\[CT\.CLOUDWATCH\.PR\.[23]\]/);
      assert.match(advice(finding), /Control Tower proactive control CT\.CLOUDWATCH\.PR\.[23]/);
    }
    assert.match(advice(findings.find((f) => f.rule === 'cloudwatch_log_group_encrypted_check')), /KmsKeyId/);
    assert.equal(result.passed, false);
  });

  it('passes a log group encrypted with a key and kept a year', () => {
    const result = runGate({ cdkOut: assembly({ Demo: { Resources: { Logs: logGroup({ RetentionInDays: 365, KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }) } } }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(guardFindings(result), []);
  });

  it('fails a key policy that lets any principal create grants, and passes it with the deny statement', () => {
    const denyGrants = {
      Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:CreateGrant', Resource: '*',
      Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    };
    const open = runGate({ cdkOut: assembly({ Demo: { Resources: { Key: keyWithPolicy([adminStatement]) } } }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(guardFindings(open).map((f) => [f.rule, f.path]), [['kms_create_grant_aws_service_check', 'Logs/Key/Resource']]);

    const closed = runGate({ cdkOut: assembly({ Demo: { Resources: { Key: keyWithPolicy([adminStatement, denyGrants]) } } }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(guardFindings(closed), []);
  });

  it('accepts a Guard finding only through an acknowledgment of that stack, path and rule', () => {
    const demo = { Demo: { Resources: { Logs: logGroup({ RetentionInDays: 30, KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }) } } };
    const reason = 'A sandbox stage keeps its logs for 30 days by configuration, on purpose.';
    const acknowledged = runGate({ cdkOut: assembly(demo), acknowledgmentsFile: acknowledgmentsFile([{ rule: `${GUARD_PLUGIN}::cloudwatch_log_group_retention_period_check`, stages: ['Demo'], path: 'Audit/Logs/Resource', reason }]) });
    assert.equal(acknowledged.passed, true);
    assert.equal(acknowledged.stacks[0].acknowledged.length, 1);

    const otherRule = runGate({ cdkOut: assembly(demo), acknowledgmentsFile: acknowledgmentsFile([{ rule: `${GUARD_PLUGIN}::cloudwatch_log_group_encrypted_check`, stages: ['Demo'], path: 'Audit/Logs/Resource', reason }]) });
    assert.deepEqual(guardFindings(otherRule).map((f) => f.rule), ['cloudwatch_log_group_retention_period_check']);
  });

  it('drops the resource-less duplicate cfn-guard adds to a violation, but keeps a violation that names no resource', () => {
    const named = { constructPath: 'Gate/Template/Key', cloudFormationResource: { logicalId: 'Key' } };
    const empty = { constructPath: '', cloudFormationResource: {} };
    assert.deepEqual(resourcesOf({ violatingConstructs: [named, empty] }), [named]);
    assert.deepEqual(resourcesOf({ violatingConstructs: [empty] }).map((c) => c.cloudFormationResource.logicalId), ['(template)']);
    assert.deepEqual(resourcesOf({}), []);
  });

  it('every Guard acknowledgment names its Control Tower control, and the gate reference lists each acknowledged control', () => {
    const guardAcks = loadAcknowledgments(path.join(repoRoot, 'tools/template-gate/acknowledgments.json')).filter((a) => a.rule.startsWith(`${GUARD_PLUGIN}::`));
    assert.ok(guardAcks.length > 0);
    const readme = fs.readFileSync(path.join(repoRoot, 'docs/reference/template-gate.md'), 'utf8');
    for (const ack of guardAcks) {
      const control = ack.reason.match(/^(CT\.[A-Z0-9]+\.PR\.\d+)/)?.[1];
      assert.ok(control, `${ack.rule} ${ack.path}: start the reason with the control id (e.g. CT.LAMBDA.PR.3)`);
      assert.ok(readme.includes(`| ${control} |`), `docs/reference/template-gate.md: the table of acknowledged AWS Control Tower controls lacks ${control}`);
    }
  });
});

describe('template gate', () => {
  it('passes a pool that meets every rule', () => {
    const result = runGate({ cdkOut: assembly({ Demo: { Resources: { Pool: goodPool() } } }), acknowledgmentsFile: noAcknowledgments });
    assert.deepEqual(result.findings, []);
    assert.equal(result.passed, true);
  });

  it('fails a deliberately broken template on schema errors, naming path, rule and property', () => {
    const broken = goodPool({ MfaConfiguration: 'SOMETIMES', UserPoolTier: 'GOLD', NotAProperty: 1 });
    broken.Properties.Policies.PasswordPolicy.PasswordHistorySize = 99;

    const result = runGate({ cdkOut: assembly({ Demo: { Resources: { Pool: broken } } }), acknowledgmentsFile: noAcknowledgments });

    assert.equal(result.passed, false);
    const schema = result.findings.filter((f) => f.plugin === 'CloudFormation Validate');
    const described = schema.map((f) => f.description).join('\n');
    assert.match(described, /MfaConfiguration: 'SOMETIMES' is not one of \['OFF', 'ON', 'OPTIONAL'\]/);
    assert.match(described, /UserPoolTier: 'GOLD' is not one of \['LITE', 'ESSENTIALS', 'PLUS'\]/);
    assert.match(described, /PasswordHistorySize: 99 is greater than the maximum of 24/);
    assert.match(described, /'NotAProperty' was unexpected/);
    for (const finding of schema) {
      assert.equal(finding.path, 'Identity/UserPool/Resource');
      assert.equal(finding.logicalId, 'Pool');
      assert.match(advice(finding), /CloudFormation schema/);
    }
  });

  it('fails a weak pool on cdk-nag AwsSolutions rules, with the rule explanation as advice', () => {
    const weak = goodPool({ MfaConfiguration: 'OFF', UserPoolTier: 'ESSENTIALS' });
    weak.Properties.Policies.PasswordPolicy.RequireSymbols = false;

    const result = runGate({ cdkOut: assembly({ Demo: { Resources: { Pool: weak } } }), acknowledgmentsFile: noAcknowledgments });

    const rules = result.findings.filter((f) => f.plugin === 'AwsSolutions').map((f) => f.rule).sort();
    assert.deepEqual(rules, ['AwsSolutions-COG1', 'AwsSolutions-COG2', 'AwsSolutions-COG8']);
    const cog2 = result.findings.find((f) => f.rule === 'AwsSolutions-COG2');
    assert.equal(cog2.acknowledgmentId, 'AwsSolutions::AwsSolutions-COG2');
    assert.match(advice(cog2), /Multi-factor authentication/);
  });

  it('accepts a finding only where an acknowledgment names that stack, path and rule', () => {
    const ack = acknowledgmentsFile([{
      rule: 'AwsSolutions::AwsSolutions-COG2',
      stages: ['Demo'],
      path: 'Identity/UserPool/Resource',
      reason: 'Sandbox stage where MFA enrolment is tested by hand; production requires MFA.',
    }]);
    const optional = { Resources: { Pool: goodPool({ MfaConfiguration: 'OPTIONAL' }) } };
    const other = { Resources: { Pool: { ...goodPool({ MfaConfiguration: 'OPTIONAL' }), Metadata: { 'aws:cdk:path': 'Other/Identity/UserPool/Resource' } } } };

    const result = runGate({ cdkOut: assembly({ Demo: optional, Other: other }), acknowledgmentsFile: ack });

    const [demo, otherStack] = result.stacks;
    assert.deepEqual(demo.findings, []);
    assert.equal(demo.acknowledged.length, 1);
    assert.deepEqual(otherStack.findings.map((f) => f.rule), ['AwsSolutions-COG2']);
    assert.equal(result.passed, false);
  });

  it('lets * in an acknowledgment path stand for exactly one segment', () => {
    const ack = acknowledgmentsFile([{
      rule: 'AwsSolutions::AwsSolutions-COG2',
      stages: ['Demo'],
      path: '*/UserPool/Resource',
      reason: 'Every pool of this sandbox stack leaves MFA optional while enrolment flows are tested.',
    }]);
    const pool = (cdkPath) => ({ ...goodPool({ MfaConfiguration: 'OPTIONAL' }), Metadata: { 'aws:cdk:path': cdkPath } });
    const template = { Resources: { A: pool('Demo/One/UserPool/Resource'), B: pool('Demo/Two/UserPool/Resource'), C: pool('Demo/Deep/Er/UserPool/Resource') } };

    const [demo] = runGate({ cdkOut: assembly({ Demo: template }), acknowledgmentsFile: ack }).stacks;

    assert.deepEqual(demo.acknowledged.map((a) => a.logicalId).sort(), ['A', 'B']);
    assert.deepEqual(demo.findings.map((f) => `${f.logicalId} ${f.rule}`), ['C AwsSolutions-COG2']);
  });

  it('reports an acknowledgment that matches no resource as stale', () => {
    const ack = acknowledgmentsFile([{
      rule: 'AwsSolutions::AwsSolutions-COG2',
      stages: ['Demo'],
      path: 'Identity/Renamed/Resource',
      reason: 'This entry points at a construct path that no longer exists in the template.',
    }]);

    const result = runGate({ cdkOut: assembly({ Demo: { Resources: { Pool: goodPool() } } }), acknowledgmentsFile: ack });

    assert.equal(result.passed, false);
    assert.deepEqual(result.stale.map((s) => `${s.stackNames.join(',')}/${s.path}`), ['Demo/Identity/Renamed/Resource']);
  });

  describe('stage classes', () => {
    const reason = 'Sandbox stages leave MFA optional while enrolment flows are built and tested.';
    const optionalPool = (stackName) => ({ ...goodPool({ MfaConfiguration: 'OPTIONAL' }), Metadata: { 'aws:cdk:path': `${stackName}/Identity/UserPool/Resource` } });
    const stack = (stackName, stage, production) => ({
      Metadata: { 'IdentityStack:Stage': stage, ...(production ? { 'IdentityStack:Production': true } : {}) },
      Resources: { Pool: optionalPool(stackName) },
    });
    const cog2 = (stages) => acknowledgmentsFile([{ rule: 'AwsSolutions::AwsSolutions-COG2', stages, path: 'Identity/UserPool/Resource', reason }]);
    const stacks = { 'IdentityStack-dev': stack('IdentityStack-dev', 'dev', false), 'IdentityStack-qa': stack('IdentityStack-qa', 'qa', false), 'IdentityStack-prod': stack('IdentityStack-prod', 'prod', true) };
    const cog2Findings = (result) => result.findings.filter((f) => f.rule === 'AwsSolutions-COG2').map((f) => f.stackName).sort();

    it('reads each stack\'s stage and class from the template metadata the app writes', () => {
      assert.deepEqual(stageOf('IdentityStack-qa', stacks['IdentityStack-qa']), { name: 'qa', production: false, stageClass: 'non-production' });
      assert.deepEqual(stageOf('IdentityStack-prod', stacks['IdentityStack-prod']), { name: 'prod', production: true, stageClass: 'production' });
      assert.deepEqual(stageOf('Demo', { Resources: {} }), { name: 'Demo', production: false, stageClass: 'non-production' });
    });

    it('an entry for non-production stages covers a new stage of that class with no edit, and no production stage', () => {
      const result = runGate({ cdkOut: assembly(stacks), acknowledgmentsFile: cog2('non-production') });
      assert.deepEqual(cog2Findings(result), ['IdentityStack-prod']);
      assert.deepEqual(result.stacks.filter((s) => s.acknowledged.length > 0).map((s) => s.stackName).sort(), ['IdentityStack-dev', 'IdentityStack-qa']);
    });

    it('"production" covers only production stages, "all" every stage, a list its classes and named stages', () => {
      assert.deepEqual(cog2Findings(runGate({ cdkOut: assembly(stacks), acknowledgmentsFile: cog2('production') })), ['IdentityStack-dev', 'IdentityStack-qa']);
      assert.deepEqual(cog2Findings(runGate({ cdkOut: assembly(stacks), acknowledgmentsFile: cog2('all') })), []);
      assert.deepEqual(cog2Findings(runGate({ cdkOut: assembly(stacks), acknowledgmentsFile: cog2(['dev']) })), ['IdentityStack-prod', 'IdentityStack-qa']);
      assert.deepEqual(cog2Findings(runGate({ cdkOut: assembly(stacks), acknowledgmentsFile: cog2(['non-production', 'prod']) })), []);
    });

    it('an entry that matches in one stage of its class is not stale for another stage that lacks the resource', () => {
      const withoutPool = { Metadata: { 'IdentityStack:Stage': 'qa' }, Resources: { Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' } } };
      const result = runGate({ cdkOut: assembly({ 'IdentityStack-dev': stacks['IdentityStack-dev'], 'IdentityStack-qa': withoutPool }), acknowledgmentsFile: cog2('non-production') });
      assert.deepEqual(result.stale, []);
      assert.equal(result.passed, true);
    });

    it('a partial assembly lists entries that match nothing as unused; the full one fails them as stale', () => {
      const productionPool = { ...goodPool({ DeletionProtection: 'ACTIVE' }), DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Metadata: { 'aws:cdk:path': 'IdentityStack-prod/Identity/UserPool/Resource' } };
      const onlyProd = assembly({ 'IdentityStack-prod': { ...stacks['IdentityStack-prod'], Resources: { Pool: productionPool } } });
      const partial = runGate({ cdkOut: onlyProd, acknowledgmentsFile: cog2('non-production'), partial: true });
      assert.equal(partial.passed, true);
      assert.deepEqual(partial.unused.map((a) => a.rule), ['AwsSolutions::AwsSolutions-COG2']);
      const full = runGate({ cdkOut: onlyProd, acknowledgmentsFile: cog2('non-production') });
      assert.equal(full.passed, false);
      assert.deepEqual(full.stale.map((a) => a.stackNames), [[]]);
    });

    it('refuses the old per-stack form and stages that are neither a class nor a list of names, saying what to write', () => {
      const refused = (entry) => assert.throws(() => loadAcknowledgments(acknowledgmentsFile([{ rule: 'AwsSolutions::AwsSolutions-COG2', path: 'Identity/UserPool/Resource', reason, ...entry }])), GateInputError);
      assert.throws(() => loadAcknowledgments(acknowledgmentsFile([{ rule: 'AwsSolutions::AwsSolutions-COG2', stacks: ['IdentityStack-dev'], path: 'Identity/UserPool/Resource', reason }])), /stacks is no longer read: name the stages instead/);
      for (const stages of [undefined, null, 'prod', 'All', [], [null], ['dev', 3], [{}], ['{{resolve:ssm:x}}'], {}]) refused({ stages });
      assert.throws(() => loadAcknowledgments(acknowledgmentsFile([null])), /must be an object with rule, stages, path and reason/);
    });
  });

  it('refuses acknowledgments without a real reason', () => {
    const file = acknowledgmentsFile([{ rule: 'AwsSolutions::AwsSolutions-COG2', stages: ['Demo'], path: 'Identity/UserPool/Resource', reason: 'ok' }]);
    assert.throws(() => loadAcknowledgments(file), (error) => error instanceof GateInputError && /reason must explain/.test(error.message));
  });

  it('says to synthesize first when there is no cloud assembly', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-empty-'));
    assert.throws(() => runGate({ cdkOut: empty, acknowledgmentsFile: noAcknowledgments }), /manifest.json not found: synthesize first/);
  });

  it('passes every real stage synthesized from cdk.json', () => {
    assert.ok(fs.existsSync(path.join(realCdkOut, 'manifest.json')), `${realCdkOut} has no cloud assembly: run ./build.sh synth --all first`);
    const stages = JSON.parse(fs.readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')).context.stages;

    const result = runGate({ cdkOut: realCdkOut });

    assert.deepEqual(result.stacks.map((s) => s.stackName).sort(), Object.keys(stages).map((name) => `IdentityStack-${name}`).sort());
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.stale, []);
    for (const stack of result.stacks) {
      assert.equal(stack.resourceTypes['AWS::Cognito::UserPool'], 1, `${stack.stackName} has one user pool`);
    }
    // The classes come from cdk.json's "production" flag, through the template metadata.
    assert.deepEqual(Object.fromEntries(result.stacks.map((s) => [s.stage.name, s.stage.stageClass])), Object.fromEntries(Object.entries(stages).map(([name, stage]) => [name, stage.production === true ? 'production' : 'non-production'])));
  });
});
