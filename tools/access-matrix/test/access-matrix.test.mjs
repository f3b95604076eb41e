import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  dataResources, decide, decideAssume, FAKE_IDENTITY_POOL_ID, IDENTITY_ID_KEY, identityPairs, identityPoolRoles, loadTemplate, TENANT_TAG_KEY,
} from '../access-matrix-lib.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const cdkOut = process.env.GATE_CDK_OUT ?? path.join(repoRoot, 'cdk.out');
const stages = JSON.parse(fs.readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')).context.stages;
const PAIRS = 120;
const ALLOWED = 'Allowed';

/** The checks whose decision differs from the expected one (any denial counts as 'denied'). */
const wrongChecks = (checks) => checks.filter(([, actual, expected]) => (expected === ALLOWED) !== (actual === ALLOWED));

/** Every way the check can go wrong for one pair, collected so a failure lists them all. */
function expectAll(checks) {
  assert.deepEqual(wrongChecks(checks).map(([what, actual]) => `${what}: ${actual}`), []);
}

const asUser = (id, extra = {}) => ({ [IDENTITY_ID_KEY]: id, ...extra });

/** What a signed-in role (authenticated or admin) may do, for many pairs of identities. */
/**
 * What a role reaches of one identity's own data and another's. With `readOnly`, the role may read
 * its own files and items but write nothing (the external role of a production pool that takes
 * social tokens directly: those identities skip the user pool's rules).
 */
function ownDataChecks(role, data, me, other, { readOnly = false } = {}) {
  const own = `${data.bucketArn}/private/${me}/notes/today.txt`;
  const theirs = `${data.bucketArn}/private/${other}/notes/today.txt`;
  const writes = new Set(['s3:PutObject', 's3:DeleteObject', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);
  const ownVerdict = (action) => (readOnly && writes.has(action) ? 'denied' : ALLOWED);
  const checks = [];
  for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) {
    checks.push([`${action} own`, decide(role, action, own, asUser(me)), ownVerdict(action)]);
    checks.push([`${action} other's`, decide(role, action, theirs, asUser(me)), 'denied']);
  }
  checks.push(['list own prefix', decide(role, 's3:ListBucket', data.bucketArn, asUser(me, { 's3:prefix': `private/${me}/` })), ALLOWED]);
  checks.push(['list other prefix', decide(role, 's3:ListBucket', data.bucketArn, asUser(me, { 's3:prefix': `private/${other}/` })), 'denied']);
  checks.push(['list all private', decide(role, 's3:ListBucket', data.bucketArn, asUser(me, { 's3:prefix': 'private/' })), 'denied']);
  checks.push(['list whole bucket', decide(role, 's3:ListBucket', data.bucketArn, asUser(me, { 's3:prefix': '' })), 'denied']);
  for (const action of ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query']) {
    checks.push([`${action} own items`, decide(role, action, data.userDataTableArn, asUser(me, { 'dynamodb:LeadingKeys': [me] })), ownVerdict(action)]);
    checks.push([`${action} other's items`, decide(role, action, data.userDataTableArn, asUser(me, { 'dynamodb:LeadingKeys': [other] })), 'denied']);
  }
  checks.push(['batch read own and other', decide(role, 'dynamodb:BatchGetItem', data.userDataTableArn, asUser(me, { 'dynamodb:LeadingKeys': [me, other] })), 'denied']);
  checks.push(['request without keys', decide(role, 'dynamodb:GetItem', data.userDataTableArn, asUser(me)), 'denied']);
  checks.push(['scan user data', decide(role, 'dynamodb:Scan', data.userDataTableArn, asUser(me)), 'denied']);
  checks.push(['write own leaderboard entry', decide(role, 'dynamodb:PutItem', data.leaderboardTableArn, asUser(me, { 'dynamodb:LeadingKeys': [me] })), ownVerdict('dynamodb:PutItem')]);
  checks.push(['write other leaderboard entry', decide(role, 'dynamodb:PutItem', data.leaderboardTableArn, asUser(me, { 'dynamodb:LeadingKeys': [other] })), 'denied']);
  checks.push(['read other leaderboard entry', decide(role, 'dynamodb:GetItem', data.leaderboardTableArn, asUser(me, { 'dynamodb:LeadingKeys': [other] })), ALLOWED]);
  checks.push(['read public', decide(role, 's3:GetObject', `${data.bucketArn}/public/news.json`, asUser(me)), ALLOWED]);
  return checks;
}

for (const [stage, config] of Object.entries(stages).filter(([, c]) => c.identityPool)) {
  describe(`access matrix: ${stage}`, () => {
    const template = loadTemplate(cdkOut, `IdentityStack-${stage}`);
    const roles = identityPoolRoles(template, config.region);
    const data = dataResources(template, config.region);
    const pairs = identityPairs(PAIRS, config.region);

    it(`authenticated role: ${PAIRS} identity pairs reach only their own files and items`, () => {
      for (const [me, other] of pairs) {
        expectAll([
          ...ownDataChecks(roles.authenticated, data, me, other),
          ['publish to public', decide(roles.authenticated, 's3:PutObject', `${data.bucketArn}/public/news.json`, asUser(me)), 'denied'],
        ]);
      }
    });

    it(`admin role: own data like any user, plus publishing public/, for ${PAIRS} pairs`, () => {
      assert.ok(roles.admin, 'the stage maps no admin role');
      for (const [me, other] of pairs) {
        expectAll([
          ...ownDataChecks(roles.admin, data, me, other),
          ['publish to public', decide(roles.admin, 's3:PutObject', `${data.bucketArn}/public/news.json`, asUser(me)), ALLOWED],
        ]);
      }
    });

    it('tenant prefix: only callers tagged with that tenant', () => {
      for (const role of [roles.authenticated, roles.admin]) {
        const file = `${data.bucketArn}/tenants/acme/shared.txt`;
        expectAll([
          ['same tenant reads', decide(role, 's3:GetObject', file, { [TENANT_TAG_KEY]: 'acme' }), ALLOWED],
          ['same tenant writes', decide(role, 's3:PutObject', file, { [TENANT_TAG_KEY]: 'acme' }), ALLOWED],
          ['other tenant reads', decide(role, 's3:GetObject', file, { [TENANT_TAG_KEY]: 'globex' }), 'denied'],
          ['other tenant writes', decide(role, 's3:PutObject', file, { [TENANT_TAG_KEY]: 'globex' }), 'denied'],
          ['untagged caller reads', decide(role, 's3:GetObject', file, {}), 'denied'],
        ]);
      }
    });

    it('trust: session tags only under the same pool and amr conditions, and only the tenant key', () => {
      for (const role of [roles.authenticated, roles.admin]) {
        const tagging = role.trust.Statement.filter((st) => [st.Action].flat().includes('sts:TagSession'));
        assert.equal(tagging.length, 1, `${role.logicalId}: one statement allows sts:TagSession`);
        assert.deepEqual([tagging[0].Action].flat(), ['sts:TagSession']);
        assert.equal(tagging[0].Condition.StringEquals['cognito-identity.amazonaws.com:aud'], FAKE_IDENTITY_POOL_ID);
        assert.equal(tagging[0].Condition['ForAnyValue:StringLike']['cognito-identity.amazonaws.com:amr'],
          role === roles.admin || roles.external ? `cognito-idp.${config.region}.amazonaws.com/${config.region}_FakePool1` : 'authenticated');
        // Any other tag key (an extra principal tag mapped later, or one a caller adds) is refused.
        assert.deepEqual([tagging[0].Condition['ForAllValues:StringEquals']['aws:TagKeys']].flat(), ['tenant']);
      }
      if (roles.guest) {
        assert.ok(!JSON.stringify(roles.guest.trust).includes('sts:TagSession'), 'guests carry no tags');
      }
    });

    if (config.identityPool.allowGuests) {
      it(`guest role: public and leaderboard reads only, for ${PAIRS} identities`, () => {
        for (const [guest, other] of pairs) {
          const checks = [
            ['read public', decide(roles.guest, 's3:GetObject', `${data.bucketArn}/public/news.json`, asUser(guest)), ALLOWED],
            ['list public', decide(roles.guest, 's3:ListBucket', data.bucketArn, asUser(guest, { 's3:prefix': 'public/' })), ALLOWED],
            ['write public', decide(roles.guest, 's3:PutObject', `${data.bucketArn}/public/news.json`, asUser(guest)), 'denied'],
            ['read leaderboard', decide(roles.guest, 'dynamodb:Query', data.leaderboardTableArn, asUser(guest, { 'dynamodb:LeadingKeys': [other] })), ALLOWED],
            ['write leaderboard', decide(roles.guest, 'dynamodb:PutItem', data.leaderboardTableArn, asUser(guest, { 'dynamodb:LeadingKeys': [guest] })), 'denied'],
            ['tenant files', decide(roles.guest, 's3:GetObject', `${data.bucketArn}/tenants/acme/shared.txt`, { [TENANT_TAG_KEY]: 'acme' }), 'denied'],
          ];
          for (const id of [guest, other]) {
            for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) {
              checks.push([`${action} private/${id}`, decide(roles.guest, action, `${data.bucketArn}/private/${id}/a.txt`, asUser(guest)), 'denied']);
            }
            checks.push([`user data of ${id}`, decide(roles.guest, 'dynamodb:GetItem', data.userDataTableArn, asUser(guest, { 'dynamodb:LeadingKeys': [id] })), 'denied']);
          }
          checks.push(['list private', decide(roles.guest, 's3:ListBucket', data.bucketArn, asUser(guest, { 's3:prefix': `private/${guest}/` })), 'denied']);
          expectAll(checks);
        }
      });
    } else {
      it('no guest role when guests are off', () => assert.equal(roles.guest, undefined));
    }

    const externalReadOnly = config.identityPool.externalIdentities === 'readOnly';
    const ownExternalRole = config.identityPool.externalIdentities === 'own' || externalReadOnly;
    it(`trust: the admin role only through this user pool; other providers get ${ownExternalRole ? 'a role of their own' : 'the authenticated role'} at most`, async () => {
      const thisPool = `cognito-idp.${config.region}.amazonaws.com/${config.region}_FakePool1`;
      const others = {
        'another user pool': `cognito-idp.${config.region}.amazonaws.com/${config.region}_OtherPool`,
        'SAML': 'arn:aws:iam::111122223333:saml-provider/AcmeSaml',
        'OIDC': 'login.acme.example.com',
        'Google': 'accounts.google.com',
        'developer': 'cognito-identity.amazonaws.com',
      };
      const poolUser = { aud: FAKE_IDENTITY_POOL_ID, amr: ['authenticated', thisPool, `${thisPool}:CognitoSignIn:1111`] };
      const checks = [[`admin: this user pool`, await decideAssume(roles.admin, poolUser), ALLOWED], ['authenticated: this user pool', await decideAssume(roles.authenticated, poolUser), ALLOWED]];
      for (const [name, provider] of Object.entries(others)) {
        const external = { aud: FAKE_IDENTITY_POOL_ID, amr: ['authenticated', provider] };
        checks.push([`admin: ${name}`, await decideAssume(roles.admin, external), 'denied']);
        checks.push([`authenticated: ${name}`, await decideAssume(roles.authenticated, external), ownExternalRole ? 'denied' : ALLOWED]);
        if (ownExternalRole) checks.push([`external: ${name}`, await decideAssume(roles.external, external), ALLOWED]);
      }
      expectAll(checks);
    });

    if (ownExternalRole) {
      it(`external role: own data only${externalReadOnly ? ', read only' : ''}, never a tenant prefix, for ${PAIRS} pairs`, () => {
        for (const [me, other] of pairs) {
          const checks = ownDataChecks(roles.external, data, me, other, { readOnly: externalReadOnly });
          checks.push(['tenant prefix even with a tenant tag', decide(roles.external, 's3:GetObject', `${data.bucketArn}/tenants/acme/report.pdf`, asUser(me, { [TENANT_TAG_KEY]: 'acme' })), 'denied']);
          checks.push(['publish public/', decide(roles.external, 's3:PutObject', `${data.bucketArn}/public/news.json`, asUser(me)), 'denied']);
          expectAll(checks);
        }
      });

      it('external role: no session tags, and only this identity pool can hand it out', async () => {
        const external = { aud: FAKE_IDENTITY_POOL_ID, amr: ['authenticated', 'accounts.google.com'] };
        assert.ok(!JSON.stringify(roles.external.trust).includes('sts:TagSession'), 'external identities carry no session tags');
        expectAll([
          ['another identity pool', await decideAssume(roles.external, { ...external, aud: 'eu-west-1:99999999-9999-4999-8999-999999999999' }), 'denied'],
          ['guest', await decideAssume(roles.external, { aud: FAKE_IDENTITY_POOL_ID, amr: ['unauthenticated'] }), 'denied'],
        ]);
      });
    }

    if (config.identityPool.developerProviderName) {
      // Developer identities (the API's developer login): the role their amr can assume, and what it reaches.
      it(`developer identities: ${ownExternalRole ? 'the external role' : 'the authenticated role'}, never admin, own data only, for ${PAIRS} pairs`, async () => {
        const developer = { aud: FAKE_IDENTITY_POOL_ID, amr: ['authenticated', 'cognito-identity.amazonaws.com', `${config.identityPool.developerProviderName}`] };
        const role = ownExternalRole ? roles.external : roles.authenticated;
        expectAll([
          ['assume the role for developer identities', await decideAssume(role, developer), ALLOWED],
          ['assume admin', await decideAssume(roles.admin, developer), 'denied'],
        ]);
        for (const [me, other] of pairs) {
          expectAll(ownDataChecks(role, data, me, other, { readOnly: ownExternalRole && externalReadOnly }));
        }
      });
    }

    it('trust: only this identity pool, and only the right amr, can assume each role', async () => {
      const signedIn = ['authenticated', `cognito-idp.${config.region}.amazonaws.com/${config.region}_FakePool1`];
      const checks = [];
      for (const [name, role] of [['authenticated', roles.authenticated], ['admin', roles.admin]]) {
        checks.push([`${name}: this pool, signed in`, await decideAssume(role, { aud: FAKE_IDENTITY_POOL_ID, amr: signedIn }), ALLOWED]);
        checks.push([`${name}: another pool's token`, await decideAssume(role, { aud: 'eu-west-1:99999999-9999-4999-8999-999999999999', amr: signedIn }), 'denied']);
        checks.push([`${name}: guest token`, await decideAssume(role, { aud: FAKE_IDENTITY_POOL_ID, amr: ['unauthenticated'] }), 'denied']);
      }
      if (roles.guest) {
        checks.push(['guest: this pool, guest', await decideAssume(roles.guest, { aud: FAKE_IDENTITY_POOL_ID, amr: ['unauthenticated'] }), ALLOWED]);
        checks.push(['guest: another pool', await decideAssume(roles.guest, { aud: 'eu-west-1:99999999-9999-4999-8999-999999999999', amr: ['unauthenticated'] }), 'denied']);
      }
      expectAll(checks);
    });
  });
}

describe('access matrix: the harness notices a widened policy', () => {
  const [stage, config] = Object.entries(stages).find(([, c]) => c.identityPool);
  const template = loadTemplate(cdkOut, `IdentityStack-${stage}`);
  const data = dataResources(template, config.region);
  const [me, other] = identityPairs(1, config.region)[0];

  /** The authenticated role with every occurrence of `from` in its policies replaced. */
  function widened(from, to) {
    const role = identityPoolRoles(template, config.region).authenticated;
    return { ...role, policies: role.policies.map((p) => ({ ...p, policy: JSON.parse(JSON.stringify(p.policy).replaceAll(from, to)) })) };
  }

  it('private/${sub}/* widened to private/* lets one identity read another identity\'s files', () => {
    const role = widened('/private/${cognito-identity.amazonaws.com:sub}/*', '/private/*');
    const failures = wrongChecks(ownDataChecks(role, data, me, other));
    assert.ok(failures.some(([what]) => what === "s3:GetObject other's"), 'the widened policy went unnoticed');
  });

  it('a dropped LeadingKeys condition lets one identity write another identity\'s items', () => {
    const role = widened('"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${cognito-identity.amazonaws.com:sub}"]},', '');
    const failures = wrongChecks(ownDataChecks(role, data, me, other));
    assert.ok(failures.some(([what]) => what === "dynamodb:PutItem other's items"), 'the widened policy went unnoticed');
  });
});
