// The preflight checks: each asks the account, through the official AWS SDK for JavaScript v3
// clients and the standard credential chain (environment, profiles, SSO, web identity: the CI's
// OIDC role), what CloudFormation would otherwise find out minutes into a deploy. Endpoints follow
// the SDK's own settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>), which is how the tests
// point them at a loopback server.
import { ACMClient, DescribeCertificateCommand } from '@aws-sdk/client-acm';
import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient, DescribeUserPoolDomainCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetHostedZoneCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { certificateCovers, senderBelongsTo } from './requirements.mjs';

/** Input the preflight cannot run with (no credentials): exit 2, not a failed check. */
export class PreflightInputError extends Error {}

const CERTIFICATE_REGION = 'us-east-1';

const pass = (name, detail) => ({ status: 'PASS', name, detail });
const fail = (name, detail, fix) => ({ status: 'FAIL', name, detail, fix });
const warn = (name, detail, fix) => ({ status: 'WARN', name, detail, fix });

/** Runs every check the requirements call for; returns one result per check, in a stable order. */
export async function runChecks({ stackName, environment, requirements }) {
  const clients = clientsFor(environment.region);
  const results = [];
  const identity = await callerIdentity(clients.sts(), environment);
  results.push(identity.result);
  if (requirements.bootstrap) results.push(await checkBootstrap(clients.ssm(), requirements.bootstrap, identity.account ?? environment.account, environment.region));
  for (const secret of requirements.secrets) results.push(await checkSecret(clients.secrets(secret.region), secret));
  if (requirements.ses) results.push(...await checkSes(clients.ses(requirements.ses.region), requirements.ses));
  for (const domain of requirements.domains) {
    results.push(await checkDomain(clients.cognito(), clients.cloudFormation(), domain, stackName, requirements.poolLogicalId));
    if (domain.certificateArn) results.push(await checkCertificate(clients.acm(), domain));
  }
  for (const zone of requirements.zones) results.push(...await checkZone(clients.route53(), zone));
  return results;
}

function clientsFor(region) {
  return {
    sts: () => new STSClient({ region }),
    ssm: () => new SSMClient({ region }),
    secrets: (secretRegion) => new SecretsManagerClient({ region: secretRegion }),
    ses: (sesRegion) => new SESv2Client({ region: sesRegion }),
    cognito: () => new CognitoIdentityProviderClient({ region }),
    cloudFormation: () => new CloudFormationClient({ region }),
    acm: () => new ACMClient({ region: CERTIFICATE_REGION }),
    route53: () => new Route53Client({ region: CERTIFICATE_REGION }),
  };
}

async function callerIdentity(sts, environment) {
  let caller;
  try {
    caller = await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    if (error.name === 'CredentialsProviderError' || /credential/i.test(error.message)) {
      throw new PreflightInputError(`no AWS credentials: ${error.message.split('\n')[0].replace(/\.?$/, '.')} Sign in (aws sso login, a profile in AWS_PROFILE, or the CI's OIDC role), then run this again.`);
    }
    return { account: null, result: fail('credentials', `sts:GetCallerIdentity failed: ${describe(error)}`, 'use credentials of the account the stage deploys to') };
  }
  if (environment.account && caller.Account !== environment.account) {
    return { account: caller.Account, result: fail('credentials', `these credentials are for account ${caller.Account}, the stage deploys to ${environment.account}`, `sign in to ${environment.account}, or change the stage's "account"`) };
  }
  return { account: caller.Account, result: pass('credentials', `account ${caller.Account} (${caller.Arn}), region ${environment.region}`) };
}

async function checkBootstrap(ssm, bootstrap, account, region) {
  const name = 'cdk bootstrap';
  const fix = `run: npx cdk bootstrap aws://${account ?? '<account>'}/${region}`;
  try {
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: bootstrap.parameter }));
    const version = Number(Parameter?.Value);
    return version >= bootstrap.minimum
      ? pass(name, `bootstrap version ${version} (needs ${bootstrap.minimum} or newer)`)
      : fail(name, `bootstrap version ${Parameter?.Value} is older than the ${bootstrap.minimum} this template needs`, fix);
  } catch (error) {
    return error.name === 'ParameterNotFound'
      ? fail(name, `${region} is not bootstrapped (no ${bootstrap.parameter})`, fix)
      : fail(name, `cannot read ${bootstrap.parameter}: ${describe(error)}`, 'allow ssm:GetParameter on it to the deploying role');
  }
}

async function checkSecret(client, secret) {
  const name = `secret for ${secret.provider} (${secret.detail})`;
  const where = secret.arn.split(':secret:')[1];
  let value;
  try {
    value = await client.send(new GetSecretValueCommand({ SecretId: secret.arn }));
  } catch (error) {
    return error.name === 'ResourceNotFoundException'
      ? fail(name, `no secret ${where} in ${secret.region}`, `create it (aws secretsmanager create-secret --name ${where.replace(/-[A-Za-z0-9]{6}$/, '')} --secret-string '<value>') and put its full ARN in the stage's federation settings`)
      : fail(name, `cannot read ${where}: ${describe(error)}`, 'allow secretsmanager:GetSecretValue on it to the deploying role (CloudFormation reads it as the deployer)');
  }
  const text = value.SecretString;
  if (typeof text !== 'string') return fail(name, `${where} holds binary data`, 'store the value as a secret string');
  let stored = text;
  if (secret.jsonKey) {
    const field = parseObject(text)?.[secret.jsonKey];
    if (typeof field !== 'string' || field.length === 0) return fail(name, `${where} has no field "${secret.jsonKey}"`, `store the value under "${secret.jsonKey}" in the secret's JSON`);
    stored = field;
  } else if (parseObject(text)) {
    return fail(name, `${where} holds JSON, and the whole secret string becomes the provider's ${secret.detail}`, 'store only the value itself as the secret string, not a JSON object');
  }
  if (stored.trim().length === 0) return fail(name, `${where} is empty`, `store the provider's ${secret.detail}`);
  if (secret.detail === 'private_key' && !/-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/.test(stored)) {
    return fail(name, `${where} is not a PEM private key`, 'store the contents of the .p8 key file Apple issued (-----BEGIN PRIVATE KEY----- ...)');
  }
  return pass(name, `${where} exists and holds a ${secret.detail === 'private_key' ? 'PEM private key' : 'plain value'}`);
}

async function checkSes(ses, requirement) {
  const name = `SES identity ${requirement.identity}`;
  const results = [];
  try {
    const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: requirement.identity }));
    results.push(identity.VerifiedForSendingStatus
      ? pass(name, `verified in ${requirement.region}`)
      : fail(name, `not verified for sending in ${requirement.region} (status ${identity.VerificationStatus ?? 'unknown'})`, 'finish verification (the DNS records SES lists for the identity), then run this again'));
  } catch (error) {
    results.push(error.name === 'NotFoundException'
      ? fail(name, `no such identity in ${requirement.region}`, `create and verify it: aws sesv2 create-email-identity --email-identity ${requirement.identity} --region ${requirement.region}`)
      : fail(name, `cannot read it: ${describe(error)}`, 'allow ses:GetEmailIdentity to the deploying role'));
  }
  results.push(senderBelongsTo(requirement.from, requirement.identity)
    ? pass('SES sender address', `${requirement.from} belongs to ${requirement.identity}`)
    : fail('SES sender address', `${requirement.from} is not an address of ${requirement.identity}`, `send from an address at ${requirement.identity}`));
  try {
    const account = await ses.send(new GetAccountCommand({}));
    if (!account.SendingEnabled) {
      results.push(fail('SES sending', `sending is disabled for this account in ${requirement.region}`, 'see the SES console: the account was paused or has never been enabled'));
    } else if (!account.ProductionAccessEnabled) {
      results.push(warn('SES sending', `the account is in the SES sandbox in ${requirement.region}: mail reaches verified addresses only`, 'request production access before real users sign up'));
    } else {
      results.push(pass('SES sending', `enabled, production access in ${requirement.region}`));
    }
  } catch (error) {
    results.push(fail('SES sending', `cannot read the SES account: ${describe(error)}`, 'allow ses:GetAccount to the deploying role'));
  }
  return results;
}

async function checkDomain(cognito, cloudFormation, domain, stackName, poolLogicalId) {
  const kind = domain.certificateArn ? 'custom sign-in domain' : 'Cognito domain prefix';
  const name = `${kind} ${domain.domain}`;
  let owner;
  try {
    const { DomainDescription } = await cognito.send(new DescribeUserPoolDomainCommand({ Domain: domain.domain }));
    owner = DomainDescription?.UserPoolId || null;
  } catch (error) {
    return fail(name, `cannot look it up: ${describe(error)}`, 'allow cognito-idp:DescribeUserPoolDomain to the deploying role');
  }
  if (!owner) return pass(name, 'free');
  let ours = null;
  try {
    const { StackResources } = await cloudFormation.send(new DescribeStackResourcesCommand({ StackName: stackName, LogicalResourceId: poolLogicalId }));
    ours = StackResources?.[0]?.PhysicalResourceId ?? null;
  } catch (error) {
    if (!(error.name === 'ValidationError' || /does not exist/.test(error.message))) {
      return fail(name, `taken by pool ${owner}, and the stack cannot be read: ${describe(error)}`, 'allow cloudformation:DescribeStackResources to the deploying role');
    }
  }
  return owner === ours
    ? pass(name, `already this stage's pool (${owner})`)
    : fail(name, `taken by another user pool (${owner})`, domain.certificateArn ? 'remove it from that pool, or use another domain' : 'choose another signIn.domainPrefix (prefixes are unique per region across all accounts)');
}

async function checkCertificate(acm, domain) {
  const name = `certificate for ${domain.domain}`;
  const region = domain.certificateArn.split(':')[3];
  if (region !== CERTIFICATE_REGION) {
    return fail(name, `the certificate is in ${region}`, 'Cognito serves custom domains through CloudFront, which takes certificates from us-east-1 only: request one there');
  }
  try {
    const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn: domain.certificateArn }));
    const names = [Certificate?.DomainName, ...(Certificate?.SubjectAlternativeNames ?? [])].filter(Boolean);
    if (Certificate?.Status !== 'ISSUED') return fail(name, `status ${Certificate?.Status}`, 'complete its validation (the DNS record ACM lists) until it is ISSUED');
    if (!certificateCovers(names, domain.domain)) return fail(name, `it covers ${names.join(', ')}, not ${domain.domain}`, `request a certificate for ${domain.domain} in us-east-1`);
    return pass(name, `issued in us-east-1, covers ${domain.domain}`);
  } catch (error) {
    return error.name === 'ResourceNotFoundException'
      ? fail(name, 'no such certificate in us-east-1', `request one for ${domain.domain} in us-east-1 and use its ARN`)
      : fail(name, `cannot read it: ${describe(error)}`, 'allow acm:DescribeCertificate to the deploying role');
  }
}

async function checkZone(route53, zone) {
  const name = `hosted zone ${zone.zoneId}`;
  let hosted;
  try {
    hosted = (await route53.send(new GetHostedZoneCommand({ Id: zone.zoneId }))).HostedZone;
  } catch (error) {
    return [error.name === 'NoSuchHostedZone'
      ? fail(name, 'no such hosted zone in this account', 'create it, or set the stage\'s hostedZoneId to the zone that serves the domain')
      : fail(name, `cannot read it: ${describe(error)}`, 'allow route53:GetHostedZone to the deploying role')];
  }
  const zoneName = hosted.Name.endsWith('.') ? hosted.Name : `${hosted.Name}.`;
  if (!(zone.name === zoneName || zone.name.endsWith(`.${zoneName}`))) {
    return [fail(name, `it is ${zoneName}, which does not hold ${zone.name}`, 'set hostedZoneId and hostedZoneName to the zone of the custom domain')];
  }
  if (hosted.Config?.PrivateZone) {
    return [fail(name, `${zoneName} is a private zone`, 'the sign-in domain must resolve publicly: use the public zone')];
  }
  const results = [pass(name, `${zoneName} (public) holds ${zone.name}`)];
  // Cognito refuses a custom domain whose parent has no A record: "Its root must have a valid A
  // record in DNS" (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html);
  // the parent is the domain one level up ("Custom domain is not a valid subdomain: Was not able to
  // resolve the root domain", https://repost.aws/knowledge-center/cognito-custom-domain-errors).
  const parent = zone.name.split('.').slice(1).join('.');
  if (parent === zoneName || parent.endsWith(`.${zoneName}`)) {
    const { ResourceRecordSets } = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zone.zoneId, StartRecordName: parent, StartRecordType: 'A', MaxItems: 1 }));
    const found = ResourceRecordSets?.some((r) => r.Name === parent && r.Type === 'A');
    results.push(found
      ? pass(`parent domain ${parent}`, 'has an A record')
      : fail(`parent domain ${parent}`, 'has no A record; Cognito refuses a custom domain whose parent does not resolve', `add an A record for ${parent} (any address, e.g. the website's)`));
  }
  return results;
}

function parseObject(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function describe(error) {
  return `${error.name ?? 'Error'}: ${(error.message ?? String(error)).split('\n')[0]}`;
}
