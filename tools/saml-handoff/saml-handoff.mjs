#!/usr/bin/env node
// ./build.sh saml-handoff --stage NAME --provider NAME [--outputs FILE] [--out DIR]: the values a
// customer's SAML IdP administrator needs for a deployed stage (ACS URL, SP entity id, sign-out URL,
// claims, the signing and encryption certificates as PEM files), and what decides whether their
// users can sign in. The certificates come from Cognito through the AWS SDK for JavaScript v3 and
// the standard credential chain.
//
// Exit 0: everything printed and written; 1: Cognito refused a call (named); 2: bad input or no
// credentials (one line; the values that need no AWS call are printed first).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient, DescribeIdentityProviderCommand, GetSigningCertificateCommand } from '@aws-sdk/client-cognito-identity-provider';
import { deployedIds, handoff, HandoffInputError, pem, samlProviderOf, stageRules } from './handoff-lib.mjs';
import { STAGE_NAME } from '../stages/stage-name.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function refuse(message) {
  console.error(`saml-handoff: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      stage: { type: 'string' }, provider: { type: 'string' }, outputs: { type: 'string' }, out: { type: 'string' },
      'cdk-out': { type: 'string', default: 'cdk.out' }, 'cdk-json': { type: 'string', default: 'cdk.json' },
    },
  }));
} catch (error) {
  refuse(`${error.message}; use --stage NAME --provider NAME [--outputs FILE] [--out DIR]`);
}
if (!values.stage || !STAGE_NAME.test(values.stage)) refuse('give the stage, e.g. --stage prod');
if (!values.provider || !/^[A-Za-z0-9.-]{3,32}$/.test(values.provider)) refuse('give the SAML provider\'s name as in cdk.json, e.g. --provider AcmeSaml');

const { stage, provider: providerName } = values;
const stackName = `IdentityStack-${stage}`;
const outputsFile = values.outputs ?? join('artifacts', stage, 'cdk-outputs.json');
const templateFile = join(values['cdk-out'], `${stackName}.template.json`);
const outDir = values.out ?? join('artifacts', stage, 'saml', providerName);
const readJson = (file, what) => {
  if (!existsSync(file)) refuse(`${file} not found: ${what}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return refuse(`${file} is not JSON (${error.message})`);
  }
};

let provider;
let ids;
let rules;
try {
  provider = samlProviderOf(readJson(templateFile, `synthesize the stage first (./build.sh synth --stage ${stage})`), providerName, stage);
  ids = deployedIds(readJson(outputsFile, `deploy the stage first (./build.sh deploy --stage ${stage} writes it), or give --outputs FILE`), stackName);
  rules = stageRules(readJson(values['cdk-json'], 'run this from the repository'), stage, providerName);
} catch (error) {
  if (error instanceof HandoffInputError) refuse(error.message);
  throw error;
}

const details = provider.ProviderDetails ?? {};
const certificates = { signing: null, encryption: null };
let failure = null;
try {
  const cognito = new CognitoIdentityProviderClient({ region: ids.region });
  mkdirSync(outDir, { recursive: true });
  if (typeof details.RequestSigningAlgorithm === 'string') {
    const { Certificate } = await cognito.send(new GetSigningCertificateCommand({ UserPoolId: ids.poolId }));
    certificates.signing = join(outDir, 'signing-certificate.pem');
    writeFileSync(certificates.signing, pem(Certificate));
  }
  if (details.EncryptedResponses === 'true') {
    const { IdentityProvider } = await cognito.send(new DescribeIdentityProviderCommand({ UserPoolId: ids.poolId, ProviderName: providerName }));
    certificates.encryption = join(outDir, 'encryption-certificate.pem');
    writeFileSync(certificates.encryption, pem(IdentityProvider?.ProviderDetails?.ActiveEncryptionCertificate));
  }
} catch (error) {
  failure = error;
}

process.stdout.write(handoff({ stage, providerName, provider, ids, rules, certificates }));
if (failure) {
  const noCredentials = failure.name === 'CredentialsProviderError' || /credential/i.test(failure.message ?? '');
  if (noCredentials) refuse(`the certificates need AWS credentials for the stage's account (${ids.region}): sign in (aws sso login, AWS_PROFILE, or CI's OIDC role) and run this again`);
  console.error(`saml-handoff: Cognito refused ${failure.name ?? 'the call'}: ${failure.message}`);
  process.exit(1);
}
