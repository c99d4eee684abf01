// An integration's own test, as a Node app would write it: the OAuth flow with simple-oauth2
// against the emulator (authorize, code exchange with PKCE, an API call, a refresh).
//   node app.mjs API_URL WEB_URL [--misbehave]
// Prints "client_id=<id>" for the grade that follows. With --misbehave the app sends its client
// secret in the form body instead of the Basic header, which the guide's client.basic-auth rule forbids.
import { createHash, randomBytes } from 'node:crypto';
import { AuthorizationCode } from 'simple-oauth2';

const [api, web, flag] = process.argv.slice(2);
const misbehave = flag === '--misbehave';
const redirectUri = 'http://127.0.0.1:9/callback';

async function control(path, body) {
  const answer = await fetch(new URL(`__control/${path}`, api), { method: 'POST', body: JSON.stringify(body) });
  if (!answer.ok) throw new Error(`control ${path}: ${answer.status}`);
  return answer.json();
}

// The app's registration, and a signed-in owner who approves it (the browser's part, through the control API).
const app = await control('clients', { redirectUris: [redirectUri], name: 'node integrator example' });
const { accountId } = await control('accounts', { allowlisted: true });
const { userId } = await control('users', { accountId, role: 'owner' });
const session = await control('sessions', { userId });

const client = new AuthorizationCode({
  client: { id: app.clientId, secret: app.clientSecret },
  auth: { tokenHost: api, tokenPath: '/oauth/token', authorizeHost: web, authorizePath: '/oauth/authorize' },
  options: { authorizationMethod: misbehave ? 'body' : 'header', bodyFormat: 'form' },
});

const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');
const state = randomBytes(16).toString('hex');
const authorizeUrl = new URL(client.authorizeURL({
  redirect_uri: redirectUri, scope: 'accounts:read', state, code_challenge: challenge, code_challenge_method: 'S256',
}));

// The user clicks Allow on the consent page.
const decision = new URLSearchParams(authorizeUrl.searchParams);
decision.set('decision', 'allow');
const consent = await fetch(new URL('/oauth/authorize', web), {
  method: 'POST',
  redirect: 'manual',
  headers: { cookie: `${session.cookieName}=${session.cookieValue}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: decision,
});
const back = new URL(consent.headers.get('location'));
if (back.searchParams.get('state') !== state) throw new Error('state does not match');
const code = back.searchParams.get('code');
if (!code) throw new Error(`no code: ${back}`);

try {
  const token = await client.getToken({ code, redirect_uri: redirectUri, code_verifier: verifier });
  const accounts = await fetch(new URL('/api/accounts/', api), {
    headers: { authorization: `Bearer ${token.token.access_token}`, revision: '2024-10-15', accept: 'application/vnd.api+json' },
  });
  if (!accounts.ok) throw new Error(`GET /api/accounts/: ${accounts.status}`);
  await token.refresh();
  console.log('the app signed in, called the API and refreshed its token');
} catch (error) {
  // A misbehaving app is refused; its tests would fail here, and the grade says why.
  console.log(`the app was refused: ${error.output?.statusCode ?? ''} ${error.message}`);
}

console.log(`client_id=${app.clientId}`);
