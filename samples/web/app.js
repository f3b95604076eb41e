// The IdentityStack sample page: Amplify JS 6 configured from amplify_outputs.json (what
// ./build.sh client-config writes), sign-up, sign-in, the ID token's tenant and groups, GET /me
// with the access token, sign-out. A local run (custom.local) points Amplify at cognito-local,
// which has no SRP, so it signs in with USER_PASSWORD_AUTH; a deployed stage uses SRP.
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, getCurrentUser, signIn, signOut, signUp } from 'aws-amplify/auth';

const $ = (id) => document.getElementById(id);

function show(state, message) {
  $('signed-in').hidden = state !== 'signed-in';
  $('signed-out').hidden = state !== 'signed-out';
  $('status').textContent = message;
}

function fail(error) {
  $('error').hidden = false;
  $('error').textContent = error?.message ?? String(error);
}

async function configure() {
  const outputs = await (await fetch('amplify_outputs.json', { cache: 'no-store' })).json();
  Amplify.configure(outputs);
  const endpoint = outputs.custom?.local?.user_pool_endpoint;
  if (endpoint) {
    const config = Amplify.getConfig();
    Amplify.configure({ ...config, Auth: { Cognito: { ...config.Auth.Cognito, userPoolEndpoint: endpoint } } });
  }
  return { outputs, authFlowType: endpoint ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH' };
}

async function render(outputs) {
  const { tokens } = await fetchAuthSession();
  if (!tokens?.idToken) {
    show('signed-out', 'Signed out.');
    return;
  }
  const claims = tokens.idToken.payload;
  $('user').textContent = (await getCurrentUser()).username;
  $('tenant').textContent = claims.tenant_id ?? '(none)';
  $('groups').textContent = (claims['cognito:groups'] ?? []).join(', ') || '(none)';
  const response = await fetch(`${outputs.custom.api.url}/me`, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
  $('me').textContent = `${response.status}\n${JSON.stringify(await response.json(), null, 2)}`;
  show('signed-in', 'Signed in.');
}

const { outputs, authFlowType } = await configure();

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').hidden = true;
  const form = new FormData(event.target);
  try {
    const result = await signIn({ username: form.get('username'), password: form.get('password'), options: { authFlowType } });
    if (!result.isSignedIn) throw new Error(`Sign-in needs a further step: ${result.nextStep.signInStep}`);
    await render(outputs);
  } catch (error) {
    fail(error);
  }
});

$('sign-up').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').hidden = true;
  const form = new FormData(event.target);
  try {
    const result = await signUp({ username: form.get('username'), password: form.get('password'), options: { userAttributes: { email: form.get('email') } } });
    $('status').textContent = result.isSignUpComplete ? 'Signed up.' : 'Signed up: check your email for the code.';
  } catch (error) {
    fail(error);
  }
});

$('sign-out').addEventListener('click', async () => {
  await signOut();
  await render(outputs);
});

await render(outputs).catch(fail);
