// What a synthesized stage needs from the account before CloudFormation can create it, read from
// the template that will be deployed (not from cdk.json): the secrets its identity providers
// resolve, the SES identity it sends from, the certificate and hosted zone of a custom domain, the
// sign-in domain, and the CDK bootstrap version its rule asks for.

const SECRET_REFERENCE = /\{\{resolve:secretsmanager:(arn:[^:]+:secretsmanager:([a-z0-9-]+):[0-9]{12}:secret:[^:}]+):SecretString:([^:}]*):[^}]*\}\}/;

/** The stack's account and region from the cloud assembly manifest ("aws://123456789012/eu-west-1"; account may be "unknown-account"). */
export function environmentOf(manifest, stackName) {
  const artifact = manifest.artifacts?.[stackName];
  const match = /^aws:\/\/([^/]+)\/([^/]+)$/.exec(artifact?.environment ?? '');
  if (!match) return null;
  return { account: /^[0-9]{12}$/.test(match[1]) ? match[1] : null, region: match[2] };
}

/** Everything the template needs, as plain data; see the header. */
export function requirementsOf(template) {
  const resources = Object.entries(template.Resources ?? {});
  const ofType = (type) => resources.filter(([, r]) => r.Type === type);

  const secrets = [];
  for (const [, provider] of ofType('AWS::Cognito::UserPoolIdentityProvider')) {
    for (const [detail, value] of Object.entries(provider.Properties?.ProviderDetails ?? {})) {
      const match = typeof value === 'string' ? SECRET_REFERENCE.exec(value) : null;
      if (match) {
        secrets.push({ provider: provider.Properties.ProviderName, providerType: provider.Properties.ProviderType, detail, arn: match[1], region: match[2], jsonKey: match[3] || null });
      }
    }
  }

  const pools = ofType('AWS::Cognito::UserPool');
  const poolLogicalId = pools[0]?.[0] ?? null;
  const email = pools[0]?.[1].Properties?.EmailConfiguration;
  const ses = email?.SourceArn
    ? { identityArn: email.SourceArn, identity: email.SourceArn.split(':identity/')[1], region: email.SourceArn.split(':')[3], from: addressOf(email.From ?? '') }
    : null;

  const domains = ofType('AWS::Cognito::UserPoolDomain').map(([, d]) => ({
    domain: d.Properties.Domain,
    certificateArn: d.Properties.CustomDomainConfig?.CertificateArn ?? null,
  }));

  const zones = [];
  for (const [, record] of ofType('AWS::Route53::RecordSet')) {
    const { HostedZoneId: zoneId, Name: name } = record.Properties ?? {};
    if (typeof zoneId === 'string' && typeof name === 'string' && !zones.some((z) => z.zoneId === zoneId && z.name === name)) {
      zones.push({ zoneId, name });
    }
  }

  return { secrets, ses, domains, zones, poolLogicalId, bootstrap: bootstrapOf(template) };
}

/** The SSM parameter holding the bootstrap version, and the lowest version the template's rule accepts. */
function bootstrapOf(template) {
  const parameter = template.Parameters?.BootstrapVersion?.Default;
  const assertion = template.Rules?.CheckBootstrapVersion?.Assertions?.[0]?.Assert;
  const refused = assertion?.['Fn::Not']?.[0]?.['Fn::Contains']?.[0];
  if (typeof parameter !== 'string' || !Array.isArray(refused)) return null;
  return { parameter, minimum: Math.max(0, ...refused.map(Number)) + 1 };
}

/** "Example Sign-in <no-reply@example.com>" -> "no-reply@example.com". */
function addressOf(from) {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
}

/** Whether an ACM certificate for these names covers the domain (exact, or a wildcard for one label). */
export function certificateCovers(names, domain) {
  return names.some((name) => name === domain || (name.startsWith('*.') && domain.split('.').slice(1).join('.') === name.slice(2)));
}

/** Whether SES may send as `from` with an identity that is a domain (its subdomains too) or one exact address. */
export function senderBelongsTo(from, identity) {
  if (identity.includes('@')) return from.toLowerCase() === identity.toLowerCase();
  const domain = from.slice(from.lastIndexOf('@') + 1).toLowerCase();
  return domain === identity.toLowerCase() || domain.endsWith(`.${identity.toLowerCase()}`);
}
