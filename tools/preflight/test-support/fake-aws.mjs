// A loopback stand-in for the AWS APIs the preflight (and saml-handoff) calls, speaking each service's own protocol so
// that the real SDK clients talk to it unchanged (AWS_ENDPOINT_URL): JSON 1.1 (SSM, Secrets Manager,
// ACM, Cognito user pools), Query with XML answers (STS, CloudFormation), REST-JSON (SESv2) and
// REST-XML (Route 53). It answers from `state`, which each test sets, and records every request.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function startFakeAws(state) {
  const requests = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, target: request.headers['x-amz-target'] ?? null, authorization: request.headers.authorization ?? '', body });
      const answer = route(state, request, body);
      response.writeHead(answer.status, { 'content-type': answer.type, ...(answer.headers ?? {}) });
      response.end(answer.body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Runs a Node program of this repository (its real SDK clients) against a fake AWS answering from
 * `state`, with throwaway keys and nothing of the user's AWS configuration; `env` adds or overrides
 * (an empty key removes the credentials). Returns its exit status, output and the requests the fake saw.
 */
export async function runAgainstFakeAws(script, args, state, env = {}) {
  const aws = await startFakeAws(state);
  try {
    const child = spawn(process.execPath, [script, ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: tmpdir(),
        AWS_ENDPOINT_URL: aws.url,
        AWS_ACCESS_KEY_ID: 'AKIDFAKEAWSTEST',
        AWS_SECRET_ACCESS_KEY: 'fake-aws-test-secret',
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const status = await new Promise((resolve) => child.on('close', resolve));
    return { status, stdout, stderr, requests: aws.requests };
  } finally {
    await aws.close();
  }
}

function route(state, request, body) {
  const target = request.headers['x-amz-target'];
  if (target) return json11(state, target, JSON.parse(body || '{}'));
  const url = new URL(request.url, 'http://fake');
  if (url.pathname.startsWith('/v2/email/')) return sesv2(state, url);
  if (url.pathname.startsWith('/2013-04-01/hostedzone/')) return route53(state, url);
  return query(state, new URLSearchParams(body));
}

const json = (status, value, headers) => ({ status, type: 'application/x-amz-json-1.1', body: JSON.stringify(value), headers });
const jsonError = (code, message) => json(400, { __type: code, message });

function json11(state, target, input) {
  switch (target) {
    case 'AmazonSSM.GetParameter': {
      const value = state.ssm?.[input.Name];
      return value === undefined ? jsonError('ParameterNotFound', `Parameter ${input.Name} not found.`) : json(200, { Parameter: { Name: input.Name, Type: 'String', Value: value, Version: 1 } });
    }
    case 'secretsmanager.GetSecretValue': {
      const secret = state.secrets?.[input.SecretId];
      if (secret === undefined) return jsonError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      if (secret === 'denied') return jsonError('AccessDeniedException', 'not authorized to perform secretsmanager:GetSecretValue');
      return json(200, { ARN: input.SecretId, Name: input.SecretId.split(':secret:')[1], ...(secret.binary ? { SecretBinary: Buffer.from(secret.binary).toString('base64') } : { SecretString: secret }) });
    }
    case 'CertificateManager.DescribeCertificate': {
      const certificate = state.certificates?.[input.CertificateArn];
      return certificate === undefined ? jsonError('ResourceNotFoundException', 'Could not find certificate.') : json(200, { Certificate: { CertificateArn: input.CertificateArn, ...certificate } });
    }
    case 'AWSCognitoIdentityProviderService.DescribeUserPoolDomain': {
      const owner = state.domains?.[input.Domain];
      return json(200, { DomainDescription: owner ? { Domain: input.Domain, UserPoolId: owner, Status: 'ACTIVE' } : {} });
    }
    case 'AWSCognitoIdentityProviderService.GetSigningCertificate': {
      const certificate = state.signingCertificates?.[input.UserPoolId];
      return certificate === undefined ? jsonError('ResourceNotFoundException', 'User pool does not exist.') : json(200, { Certificate: certificate });
    }
    case 'AWSCognitoIdentityProviderService.DescribeIdentityProvider': {
      const provider = state.identityProviders?.[`${input.UserPoolId}/${input.ProviderName}`];
      return provider === undefined
        ? jsonError('ResourceNotFoundException', 'Identity provider does not exist.')
        : json(200, { IdentityProvider: { UserPoolId: input.UserPoolId, ProviderName: input.ProviderName, ProviderType: 'SAML', ProviderDetails: provider } });
    }
    default:
      return jsonError('UnknownOperationException', `the fake does not serve ${target}`);
  }
}

function sesv2(state, url) {
  const rest = (status, value, errorType) => ({ status, type: 'application/json', body: JSON.stringify(value), headers: errorType ? { 'x-amzn-errortype': errorType } : {} });
  if (url.pathname === '/v2/email/account') return rest(200, state.sesAccount ?? {});
  const identity = decodeURIComponent(url.pathname.slice('/v2/email/identities/'.length));
  const found = state.sesIdentities?.[identity];
  return found === undefined
    ? rest(404, { message: `Email identity ${identity} does not exist.` }, 'NotFoundException')
    : rest(200, { IdentityType: identity.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN', ...found });
}

function route53(state, url) {
  const ns = 'https://route53.amazonaws.com/doc/2013-04-01/';
  const [, zoneId, rrset] = /^\/2013-04-01\/hostedzone\/([^/]+)(\/rrset)?$/.exec(url.pathname) ?? [];
  const zone = state.zones?.[zoneId];
  if (!zone) {
    return { status: 404, type: 'text/xml', body: `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>NoSuchHostedZone</Code><Message>No hosted zone found with ID: ${xml(zoneId)}</Message></Error><RequestId>1</RequestId></ErrorResponse>` };
  }
  if (rrset) {
    const name = url.searchParams.get('name');
    const type = url.searchParams.get('type');
    const records = (zone.records ?? []).filter((r) => r.Name === name && r.Type === type);
    const items = records.map((r) => `<ResourceRecordSet><Name>${xml(r.Name)}</Name><Type>${r.Type}</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>`).join('');
    return { status: 200, type: 'text/xml', body: `<ListResourceRecordSetsResponse xmlns="${ns}"><ResourceRecordSets>${items}</ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>1</MaxItems></ListResourceRecordSetsResponse>` };
  }
  return { status: 200, type: 'text/xml', body: `<GetHostedZoneResponse xmlns="${ns}"><HostedZone><Id>/hostedzone/${xml(zoneId)}</Id><Name>${xml(zone.Name)}</Name><CallerReference>fake</CallerReference><Config><PrivateZone>${zone.PrivateZone ? 'true' : 'false'}</PrivateZone></Config><ResourceRecordSetCount>2</ResourceRecordSetCount></HostedZone><DelegationSet><NameServers><NameServer>ns-1.example.net</NameServer></NameServers></DelegationSet></GetHostedZoneResponse>` };
}

function query(state, form) {
  const action = form.get('Action');
  if (action === 'GetCallerIdentity') {
    const ns = 'https://sts.amazonaws.com/doc/2011-06-15/';
    return { status: 200, type: 'text/xml', body: `<GetCallerIdentityResponse xmlns="${ns}"><GetCallerIdentityResult><Arn>arn:aws:sts::${state.account}:assumed-role/deploy/ci</Arn><UserId>AROAEXAMPLE:ci</UserId><Account>${state.account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>` };
  }
  if (action === 'DescribeStackResources') {
    const ns = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
    const stack = state.stacks?.[form.get('StackName')];
    if (!stack) {
      return { status: 400, type: 'text/xml', body: `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${xml(form.get('StackName'))} does not exist</Message></Error><RequestId>1</RequestId></ErrorResponse>` };
    }
    const logical = form.get('LogicalResourceId');
    const member = `<member><StackName>${xml(form.get('StackName'))}</StackName><LogicalResourceId>${xml(logical)}</LogicalResourceId><PhysicalResourceId>${xml(stack[logical])}</PhysicalResourceId><ResourceType>AWS::Cognito::UserPool</ResourceType><Timestamp>2026-01-01T00:00:00Z</Timestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>`;
    return { status: 200, type: 'text/xml', body: `<DescribeStackResourcesResponse xmlns="${ns}"><DescribeStackResourcesResult><StackResources>${member}</StackResources></DescribeStackResourcesResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStackResourcesResponse>` };
  }
  return { status: 400, type: 'text/xml', body: `<ErrorResponse><Error><Code>InvalidAction</Code><Message>the fake does not serve ${xml(action)}</Message></Error></ErrorResponse>` };
}
