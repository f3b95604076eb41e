// amplify_outputs.json for one stage: what Amplify JS 6 reads (client config version 1.4), built
// from the stage's deployed stack outputs (ids, names, URLs) and its synthesized template (how the
// pool, clients, identity pool and bucket are set up). Pure: no files, no network.

/** The client config version written: the newest whose every field Amplify JS 6 reads. */
export const CLIENT_CONFIG_VERSION = '1.4';

/** Bad or missing input, said in one line that names the field and the fix. */
export class ClientConfigInputError extends Error {}

const REQUIRED_OUTPUTS = ['UserPoolId', 'SpaClientId', 'DomainUrl'];

/** Social providers Amplify names in `oauth.identity_providers`; OIDC and SAML providers go to `custom.auth`. */
const AMPLIFY_SOCIAL = { Google: 'GOOGLE', Facebook: 'FACEBOOK', LoginWithAmazon: 'LOGIN_WITH_AMAZON', SignInWithApple: 'SIGN_IN_WITH_APPLE' };

/** The standard attributes Amplify's definitions name (custom attributes are never required by Cognito). */
const STANDARD_ATTRIBUTES = new Set(['address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'sub', 'updated_at', 'website', 'zoneinfo']);

const MFA_CONFIGURATION = { OFF: 'NONE', OPTIONAL: 'OPTIONAL', ON: 'REQUIRED' };
const MFA_METHODS = { SOFTWARE_TOKEN_MFA: 'TOTP', SMS_MFA: 'SMS', EMAIL_OTP: 'EMAIL' };

/** The identity pool's S3 rules (SecureIdentityPool), as Amplify storage paths. */
function storagePaths(guests) {
  return {
    'private/{entity_id}/*': { entityidentity: ['get', 'list', 'write', 'delete'] },
    'public/*': guests ? { guest: ['get', 'list'], authenticated: ['get', 'list'] } : { authenticated: ['get', 'list'] },
  };
}

const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;
/** cognito-local's pool ids, accepted only for a local run (an emulator endpoint given). */
const LOCAL_POOL_ID = /^local_[0-9A-Za-z]+$/;
const LOOPBACK_URL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?(\/\S*)?$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
const IDENTITY_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-\d:[0-9a-f-]+$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function resourcesOfType(template, type) {
  return Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === type);
}

function single(template, type, what) {
  const found = resourcesOfType(template, type);
  if (found.length !== 1) throw new ClientConfigInputError(`the template has ${found.length} ${type} resources, expected one (${what}); synthesize the stage again`);
  return found[0];
}

/** The SPA app client: the one without a secret that uses the code flow (HostedSignIn's SpaClient). */
function spaClient(template) {
  const found = resourcesOfType(template, 'AWS::Cognito::UserPoolClient')
    .filter(([, c]) => c.Properties?.GenerateSecret === false && (c.Properties?.AllowedOAuthFlows ?? []).includes('code'));
  if (found.length !== 1) throw new ClientConfigInputError(`the template has ${found.length} public code-flow app clients, expected the SPA client; synthesize the stage again`);
  return found[0][1].Properties;
}

/** A scope as the template writes it: a string, or "{resource server}/{name}" joined from the server's reference. */
function scopeText(scope, resourceServers) {
  if (typeof scope === 'string') return scope;
  const parts = scope?.['Fn::Join']?.[1];
  if (Array.isArray(parts) && parts.length === 2 && typeof parts[1] === 'string' && parts[0]?.Ref && resourceServers[parts[0].Ref]) {
    return resourceServers[parts[0].Ref] + parts[1];
  }
  throw new ClientConfigInputError(`the SPA client has a scope the generator cannot read (${JSON.stringify(scope)}); synthesize the stage again`);
}

function outputOf(stackOutputs, name, pattern, example) {
  const value = stackOutputs[name];
  if (value === undefined || value === null || value === '') {
    throw new ClientConfigInputError(`the outputs have no ${name}; give the file 'cdk deploy --outputs-file' wrote for this stage (it has ${name}, e.g. ${example})`);
  }
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new ClientConfigInputError(`output ${name} is ${JSON.stringify(value).slice(0, 80)}, not a ${example.split(' ')[0]}-like value (e.g. ${example}); give the file 'cdk deploy --outputs-file' wrote`);
  }
  return value;
}

/** The stack's outputs out of an outputs file (`{ "IdentityStack-dev": { ... } }`). */
export function stackOutputsOf(outputsFile, stackName) {
  if (outputsFile === null || typeof outputsFile !== 'object' || Array.isArray(outputsFile)) {
    throw new ClientConfigInputError(`the outputs file is not a JSON object of stacks; give the file 'cdk deploy --outputs-file' wrote`);
  }
  const stack = outputsFile[stackName];
  if (stack === null || typeof stack !== 'object' || Array.isArray(stack)) {
    const names = Object.keys(outputsFile);
    throw new ClientConfigInputError(`the outputs file has no outputs of ${stackName} (it has ${names.length ? names.join(', ') : 'none'}); deploy that stack with --outputs-file, or check --stage`);
  }
  return stack;
}

/** Whether a URL is an emulator on this machine (http only there). */
export function isLoopbackUrl(url) {
  return typeof url === 'string' && LOOPBACK_URL.test(url);
}

/**
 * The amplify_outputs.json object for a stage.
 * @param {object} stackOutputs the stack's outputs (name -> value), as `cdk deploy --outputs-file` wrote them
 * @param {object} template the stage's synthesized CloudFormation template
 * @param {{ userPoolEndpoint: string, region: string }} [local] a local run: the emulator's endpoint (cognito-local,
 *   on loopback) and the stage's region. Pool ids and the API URL may then be the emulator's; the identity pool and
 *   bucket are left out (the emulator serves neither), and `custom.local.user_pool_endpoint` tells the app where to go.
 */
export function amplifyOutputs(stackOutputs, template, local) {
  for (const name of REQUIRED_OUTPUTS) {
    if (!(name in stackOutputs)) throw new ClientConfigInputError(`the outputs have no ${name}; this stage has no hosted sign-in, or the file is not the one 'cdk deploy --outputs-file' wrote`);
  }
  if (local && !isLoopbackUrl(local.userPoolEndpoint)) {
    throw new ClientConfigInputError(`the user pool endpoint ${JSON.stringify(local.userPoolEndpoint).slice(0, 80)} is not http on 127.0.0.1 or localhost; it is for emulators only`);
  }
  const userPoolId = local
    ? outputOf(stackOutputs, 'UserPoolId', LOCAL_POOL_ID, 'local_5d2f7a1b (cognito-local)')
    : outputOf(stackOutputs, 'UserPoolId', POOL_ID, 'eu-west-1_AbCdEf123');
  const region = local ? local.region : POOL_ID.exec(userPoolId)[1];
  const clientId = outputOf(stackOutputs, 'SpaClientId', CLIENT_ID, '4m2n9q1example7clientid0000');
  const domainUrl = outputOf(stackOutputs, 'DomainUrl', /^https:\/\/[a-z0-9.-]+$/, 'https://example-identity-dev.auth.eu-west-1.amazoncognito.com');

  const pool = single(template, 'AWS::Cognito::UserPool', 'the user pool')[1].Properties ?? {};
  const client = spaClient(template);
  const resourceServers = Object.fromEntries(resourcesOfType(template, 'AWS::Cognito::UserPoolResourceServer').map(([id, r]) => [id, r.Properties.Identifier]));
  const scopes = (client.AllowedOAuthScopes ?? []).map((s) => scopeText(s, resourceServers));
  const providers = (client.SupportedIdentityProviders ?? []).filter((p) => p !== 'COGNITO');
  const policy = pool.Policies?.PasswordPolicy ?? {};
  const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];

  const auth = {
    aws_region: region,
    user_pool_id: userPoolId,
    user_pool_client_id: clientId,
    password_policy: {
      min_length: policy.MinimumLength ?? 8,
      require_numbers: policy.RequireNumbers ?? false,
      require_lowercase: policy.RequireLowercase ?? false,
      require_uppercase: policy.RequireUppercase ?? false,
      require_symbols: policy.RequireSymbols ?? false,
    },
    oauth: {
      identity_providers: providers.filter((p) => AMPLIFY_SOCIAL[p]).map((p) => AMPLIFY_SOCIAL[p]),
      domain: new URL(domainUrl).host,
      scopes,
      redirect_sign_in_uri: client.CallbackURLs ?? [],
      redirect_sign_out_uri: client.LogoutURLs ?? [],
      response_type: 'code',
    },
    standard_required_attributes: (pool.Schema ?? []).filter((a) => a.Required === true && STANDARD_ATTRIBUTES.has(a.Name)).map((a) => a.Name),
    username_attributes: pool.UsernameAttributes ?? ['username', ...(pool.AliasAttributes ?? []).filter((a) => a === 'email' || a === 'phone_number')],
    user_verification_types: pool.AutoVerifiedAttributes ?? [],
    unauthenticated_identities_enabled: false,
    mfa_configuration: MFA_CONFIGURATION[pool.MfaConfiguration ?? 'OFF'],
    mfa_methods: (pool.EnabledMfas ?? []).map((m) => MFA_METHODS[m]).filter(Boolean),
    groups: resourcesOfType(template, 'AWS::Cognito::UserPoolGroup')
      .map(([, g]) => g.Properties)
      .sort((a, b) => (a.Precedence ?? 0) - (b.Precedence ?? 0))
      .map((g) => ({ [g.GroupName]: { precedence: g.Precedence } })),
  };
  if (auth.oauth.redirect_sign_in_uri.length === 0 || auth.oauth.redirect_sign_out_uri.length === 0) {
    throw new ClientConfigInputError('the SPA client has no callback or logout URL; set signIn.callbackUrls and signIn.logoutUrls and synthesize again');
  }
  if (factors.some((f) => f !== 'PASSWORD')) {
    auth.passwordless = {
      email_otp_enabled: factors.includes('EMAIL_OTP'),
      sms_otp_enabled: factors.includes('SMS_OTP'),
      ...(factors.includes('WEB_AUTHN') && pool.WebAuthnRelyingPartyID
        ? { web_authn: { relying_party_id: pool.WebAuthnRelyingPartyID, user_verification: pool.WebAuthnUserVerification ?? 'required' } }
        : {}),
    };
  }

  const result = { version: CLIENT_CONFIG_VERSION, auth, custom: {} };
  const identityPools = local ? [] : resourcesOfType(template, 'AWS::Cognito::IdentityPool');
  if (identityPools.length === 1) {
    auth.identity_pool_id = outputOf(stackOutputs, 'IdentityPoolId', IDENTITY_POOL_ID, 'eu-west-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
    auth.unauthenticated_identities_enabled = identityPools[0][1].Properties?.AllowUnauthenticatedIdentities === true;
    const bucket = outputOf(stackOutputs, 'UserDataBucketName', BUCKET, 'identitystack-dev-userdata-bucket');
    result.storage = {
      aws_region: region,
      bucket_name: bucket,
      buckets: [{ name: 'userData', bucket_name: bucket, aws_region: region, paths: storagePaths(auth.unauthenticated_identities_enabled) }],
    };
  }
  const custom = providers.filter((p) => !AMPLIFY_SOCIAL[p]);
  if (custom.length > 0) result.custom.auth = { oidc_and_saml_providers: custom };
  if ('ApiUrl' in stackOutputs) {
    const url = outputOf(stackOutputs, 'ApiUrl', local ? LOOPBACK_URL : /^https:\/\/\S+$/, local ? 'http://127.0.0.1:8080' : 'https://abc123.execute-api.eu-west-1.amazonaws.com/');
    result.custom.api = { url, scopes: scopes.filter((s) => s.includes('/')) };
  }
  if (local) result.custom.local = { user_pool_endpoint: local.userPoolEndpoint };
  return result;
}
