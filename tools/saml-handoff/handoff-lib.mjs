// What a customer's SAML IdP administrator needs to add a stage's user pool as a relying party, and
// what decides whether their users can then sign in. Protocol facts come from the synthesized
// template (the provider's ProviderDetails and AttributeMapping), the deployed ids from the stack's
// outputs, the tenant and allow-list rules from the stage in cdk.json, and the two certificates
// from Cognito (GetSigningCertificate; DescribeIdentityProvider's ActiveEncryptionCertificate).
//
// Cognito's side, per the developer guide ("Configuring your third-party SAML identity provider",
// "The IdP SAML assertion endpoint", "SAML signing and encryption", "Things to know about SAML IdPs"): the ACS URL is
// https://<domain>/saml2/idpresponse (HTTP POST), the SP entity id (audience) is
// urn:amazon:cognito:sp:<user pool id>, sign-out goes to https://<domain>/saml2/logout, requests are
// signed with the pool's signing certificate, and an IdP must encrypt every assertion with the
// provider's encryption certificate once encrypted responses are on.

/** Input saml-handoff cannot work with: exit 2, one line. */
export class HandoffInputError extends Error {}

const POOL_ID = /^([a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9])_[0-9A-Za-z]+$/;
const DOMAIN_URL = /^https:\/\/[a-z0-9.-]+$/;

/** The SAML provider's resource in a stage template, or a refusal naming the stage's SAML providers. */
export function samlProviderOf(template, providerName, stage) {
  const providers = Object.values(template?.Resources ?? {})
    .filter((r) => r.Type === 'AWS::Cognito::UserPoolIdentityProvider' && r.Properties?.ProviderType === 'SAML');
  const provider = providers.find((r) => r.Properties.ProviderName === providerName);
  if (!provider) {
    const names = providers.map((r) => r.Properties.ProviderName);
    throw new HandoffInputError(`stage ${stage} has no SAML provider "${providerName}"; its SAML providers: ${names.length ? names.join(', ') : 'none (add one under stages.' + stage + '.federation)'}`);
  }
  return provider.Properties;
}

/** The deployed pool id, its region, and the sign-in domain, from the stack's outputs. */
export function deployedIds(outputs, stackName) {
  const stack = outputs?.[stackName];
  if (!stack || typeof stack !== 'object') {
    throw new HandoffInputError(`the outputs have nothing of ${stackName}: deploy the stage first (./build.sh deploy --stage <stage> writes artifacts/<stage>/cdk-outputs.json), or give --outputs FILE`);
  }
  const poolId = stack.UserPoolId;
  const match = typeof poolId === 'string' ? POOL_ID.exec(poolId) : null;
  if (!match) throw new HandoffInputError(`${stackName}.UserPoolId in the outputs is ${JSON.stringify(poolId) ?? 'missing'}, not a user pool id such as "eu-west-1_AbCdEf123"`);
  if (typeof stack.DomainUrl !== 'string' || !DOMAIN_URL.test(stack.DomainUrl)) {
    throw new HandoffInputError(`${stackName}.DomainUrl in the outputs is ${JSON.stringify(stack.DomainUrl) ?? 'missing'}, not the https sign-in domain; the stage needs signIn (a domain) for SAML`);
  }
  return { poolId, region: match[1], domainUrl: stack.DomainUrl };
}

/** The stage's own rules for this provider's users, from cdk.json: tenant, and whether the allow-list applies. */
export function stageRules(cdkJson, stage, providerName) {
  const stageConfig = cdkJson?.context?.stages?.[stage];
  const provider = (stageConfig?.federation ?? []).find((p) => p?.name === providerName) ?? {};
  return {
    fixedTenant: provider.tenant ?? null,
    tenants: Array.isArray(provider.tenants) ? provider.tenants : [],
    exemptFromAllowList: provider.exemptFromAllowList === true,
    allowedDomains: Array.isArray(stageConfig?.allowedSignUpEmailDomains) ? stageConfig.allowedSignUpEmailDomains : [],
  };
}

/** A certificate as Cognito returns it (base64 DER, or already PEM) as PEM text. */
export function pem(certificate) {
  if (typeof certificate !== 'string' || certificate.trim() === '') throw new HandoffInputError('Cognito returned no certificate');
  if (certificate.includes('-----BEGIN CERTIFICATE-----')) return certificate.trim() + '\n';
  const body = certificate.replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * The hand-off: every value the IdP administrator needs, and what decides whether users can sign in.
 * `certificates` holds { signing, encryption } PEM paths (or null where not needed / not fetched).
 */
export function handoff({ stage, providerName, provider, ids, rules, certificates }) {
  const details = provider.ProviderDetails ?? {};
  const mapping = provider.AttributeMapping ?? {};
  const signs = typeof details.RequestSigningAlgorithm === 'string';
  const encrypted = details.EncryptedResponses === 'true';
  const signOut = details.IDPSignout === 'true';
  const idpInitiated = details.IDPInit === 'true';
  const tenantClaim = mapping['custom:idp_tenant'];
  const lines = [
    `SAML hand-off: ${providerName} on stage ${stage} (user pool ${ids.poolId}, ${ids.region})`,
    '',
    'Give the customer\'s IdP administrator:',
    `  ACS (reply) URL, HTTP-POST binding: ${ids.domainUrl}/saml2/idpresponse`,
    `  SP entity id (audience URI):         urn:amazon:cognito:sp:${ids.poolId}`,
    signOut ? `  Single logout URL:                   ${ids.domainUrl}/saml2/logout` : '  Single logout:                       off (idpSignOut false)',
    '  NameID:                              persistent: a stable id per user, never reassigned (Cognito finds the user by it at every sign-in)',
    '  Attributes the assertion must carry:',
    `    ${mapping.email ?? '(none mapped)'}  -> the user's email address`,
    `    ${mapping.name ?? '(none mapped)'}  -> the user's display name`,
  ];
  if (tenantClaim) lines.push(`    ${tenantClaim}  -> the tenant, one of: ${rules.tenants.join(', ') || '(none listed: no user of this provider gets tokens)'}`);
  lines.push(
    signs ? `  Our requests are signed (${details.RequestSigningAlgorithm}): trust the signing certificate ${certificates.signing ?? '(not fetched)'}` : '  Our requests are not signed (signRequests false).',
    encrypted ? `  Encrypt every assertion to us with the encryption certificate ${certificates.encryption ?? '(not fetched)'}; unencrypted assertions are refused` : '  Assertions are not encrypted (encryptedResponses false).',
    idpInitiated ? '  IdP-initiated sign-in: allowed (the IdP posts to the ACS URL with a RelayState naming the app client and callback)' : '  IdP-initiated sign-in: off; users start at the app or the hosted sign-in page',
    '',
    'What decides whether their users can sign in:',
  );
  if (rules.fixedTenant) lines.push(`  Tenant: every user of ${providerName} is in tenant ${rules.fixedTenant} (fixed; no claim is read).`);
  else if (tenantClaim) lines.push(`  Tenant: the ${tenantClaim} claim, and only ${rules.tenants.join(', ')}: any other value, or none, gets no tokens, at every token issue.`);
  else lines.push('  Tenant: none (the provider sets neither a fixed tenant nor a tenant claim).');
  if (rules.exemptFromAllowList) lines.push(`  Email allow-list: not applied to ${providerName} (exemptFromAllowList).`);
  else if (rules.allowedDomains.length > 0) lines.push(`  Email allow-list: the email's domain must be one of ${rules.allowedDomains.join(', ')} (or a subdomain), checked at every token issue.`);
  else lines.push('  Email allow-list: none on this stage.');
  return lines.join('\n') + '\n';
}
