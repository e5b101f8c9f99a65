/**
 * The in-process test IdP that the SSO journeys rely on (tests/support/oidc-provider.ts), checked as a
 * conforming OpenID Connect provider on its own, so an SSO failure in e2e points at the app, not the IdP.
 * Drives the authorization-code + PKCE flow with plain fetch, as next-auth (openid-client 5)
 * and a browser would: discovery, /auth with state, nonce + S256 challenge, the HTML login form
 * (a wrong password first, then the right one), auto-consent, the redirect back, the code
 * exchange with client_secret_basic, id_token signature/claims, userinfo, code replay.
 * It does this twice, on two IdP instances on different ports in one process, sharing one
 * cookie jar (browsers ignore the port for cookies) to show instances stay independent.
 */
import { strict as assert } from "node:assert";
import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from "node:crypto";
import { expect, it } from "vitest";

import { startTestIdp, TEST_IDP_USERS, type TestIdpUser } from "../support/oidc-provider";

const CLIENT_ID = "gatehouse-smoke";
const CLIENT_SECRET = "smoke-secret-with:colon&symbols";
const REDIRECT_URI = "http://localhost:3999/api/auth/callback/oidc";

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  id_token_signing_alg_values_supported?: string[];
  authorization_response_iss_parameter_supported?: boolean;
}

interface TokenResponse {
  access_token: string;
  id_token: string;
  token_type: string;
  scope?: string;
}

/** Tiny cookie jar: name+path keyed, port-agnostic like a browser on localhost. */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = "/";
      let expired = value === "";
      for (const attribute of attributes) {
        const [key = "", val = ""] = attribute.split("=");
        if (key.toLowerCase() === "path") path = val;
        if (key.toLowerCase() === "max-age" && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === "expires" && Date.parse(val) <= Date.now()) expired = true;
      }
      const key = `${name}\u0000${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }
}

async function request(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set("cookie", cookie);
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(response);
  return response;
}

/** Follows redirects by hand until the IdP shows a page or sends us to the redirect_uri. */
async function follow(jar: CookieJar, start: Response, startUrl: string): Promise<{ response: Response; url: string }> {
  let response = start;
  let url = startUrl;
  for (let hops = 0; hops < 10; hops++) {
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return { response, url };
    url = new URL(location, url).href;
    if (url.startsWith(REDIRECT_URI)) return { response, url };
    await response.body?.cancel();
    response = await request(jar, url);
  }
  throw new Error("too many redirects");
}

function base64url(data: Buffer): string {
  return data.toString("base64url");
}

function formAction(html: string, pageUrl: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  assert(action, "login form has an action");
  return new URL(
    action.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))),
    pageUrl,
  ).href;
}

async function runFlow(jar: CookieJar, issuer: string, user: TestIdpUser): Promise<void> {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Discovery;
  assert.equal(discovery.issuer, issuer);
  assert(discovery.code_challenge_methods_supported?.includes("S256"), "S256 PKCE supported");
  assert(discovery.token_endpoint_auth_methods_supported?.includes("client_secret_basic"), "client_secret_basic supported");
  assert(discovery.id_token_signing_alg_values_supported?.includes("RS256"), "RS256 supported");

  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash("sha256").update(verifier).digest());
  const authorizeUrl = new URL(discovery.authorization_endpoint);
  authorizeUrl.search = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();

  // 1. /auth -> /interaction/:uid shows the login form.
  let step = await follow(jar, await request(jar, authorizeUrl.href), authorizeUrl.href);
  assert.equal(step.response.status, 200, `expected the login form at ${step.url}`);
  const loginHtml = await step.response.text();
  assert.match(loginHtml, /<label for="email">Email<\/label>/);
  assert.match(loginHtml, /<label for="password">Password<\/label>/);
  assert.match(loginHtml, /<button type="submit">Sign in<\/button>/);
  const action = formAction(loginHtml, step.url);
  const post = (password: string) =>
    request(jar, action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email.toUpperCase(), password }).toString(),
    });

  // 2. A wrong password re-renders the form with an error.
  const rejected = await post(`${user.password}-wrong`);
  assert.equal(rejected.status, 401);
  assert.match(await rejected.text(), /Invalid email or password/);

  // 3. The right one logs in, auto-consents and lands on the redirect_uri.
  step = await follow(jar, await post(user.password), action);
  assert(step.url.startsWith(REDIRECT_URI), `expected redirect to the app, got ${step.response.status} ${step.url}`);
  const callback = new URL(step.url).searchParams;
  assert.equal(callback.get("error"), null, `authorization error: ${callback.get("error_description")}`);
  assert.equal(callback.get("state"), state);
  assert.equal(callback.get("iss"), issuer);
  const code = callback.get("code");
  assert(code, "authorization code present");

  // 4. Code exchange with client_secret_basic + PKCE verifier.
  const basic = Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString("base64");
  const exchange = () =>
    fetch(discovery.token_endpoint, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: verifier }).toString(),
    });
  const tokenResponse = await exchange();
  const tokenText = await tokenResponse.text();
  assert.equal(tokenResponse.status, 200, tokenText);
  const tokens = JSON.parse(tokenText) as TokenResponse;
  assert.equal(tokens.token_type, "Bearer");
  assert(tokens.access_token && tokens.id_token, "access_token and id_token issued");

  // 5. id_token: RS256 signature against the published JWKS, then claims.
  const [headerB64 = "", payloadB64 = "", signatureB64 = ""] = tokens.id_token.split(".");
  const header = JSON.parse(Buffer.from(headerB64, "base64url").toString()) as { alg: string; kid: string };
  assert.equal(header.alg, "RS256");
  const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: (JsonWebKey & { kid?: string })[] };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  assert(jwk, "signing key published in JWKS");
  assert.equal(jwk.d, undefined, "JWKS must not leak the private key");
  const signatureOk = verify(
    "sha256",
    Buffer.from(`${headerB64}.${payloadB64}`),
    createPublicKey({ key: jwk, format: "jwk" }),
    Buffer.from(signatureB64, "base64url"),
  );
  assert(signatureOk, "id_token signature verifies");
  const claims = JSON.parse(Buffer.from(payloadB64, "base64url").toString()) as Record<string, unknown>;
  assert.equal(claims.iss, issuer);
  assert.equal(claims.aud, CLIENT_ID);
  assert.equal(claims.sub, user.sub);
  assert.equal(claims.email, user.email);
  assert.equal(claims.email_verified, true);
  assert.equal(claims.name, user.name);
  assert.equal(claims.nonce, nonce); // the IdP requires a nonce, as many providers do, and echoes it
  assert(typeof claims.exp === "number" && claims.exp > Date.now() / 1000, "id_token not expired");

  // 6. userinfo agrees; the code cannot be redeemed twice.
  const userinfo = (await (
    await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } })
  ).json()) as Record<string, unknown>;
  assert.deepEqual(
    { sub: userinfo.sub, email: userinfo.email, name: userinfo.name },
    { sub: user.sub, email: user.email, name: user.name },
  );
  const replay = await exchange();
  assert.equal(replay.status, 400);
  assert.equal(((await replay.json()) as { error: string }).error, "invalid_grant");
}

it("runs the authorization-code + PKCE flow on two independent IdP instances", async () => {
  const jar = new CookieJar();
  let flows = 0;
  for (const index of [0, 1]) {
    const user = TEST_IDP_USERS[index % TEST_IDP_USERS.length];
    assert(user);
    const idp = await startTestIdp({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] });
    try {
      await runFlow(jar, idp.issuer, user);
      flows += 1;
    } finally {
      await idp.close();
    }
  }
  expect(flows).toBe(2);
}, 60_000);
