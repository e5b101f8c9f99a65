/**
 * A real OpenID Connect provider (panva/oidc-provider 9) for end-to-end tests
 * of the app's "Single sign-on" (next-auth OAuth/OIDC) sign-in.
 *
 * Flow, as a browser sees it:
 *   1. The app redirects to `${issuer}/auth?response_type=code&scope=openid email profile
 *      &state=…&code_challenge=…&code_challenge_method=S256`.
 *   2. oidc-provider finds no session, stores an Interaction and 303s to
 *      `/interaction/:uid`. Those routes are ours (devInteractions is off): GET renders
 *      a login form (Email, Password, "Sign in"); POST `/interaction/:uid/login` checks
 *      TEST_IDP_USERS and either re-renders with "Invalid email or password" or calls
 *      `interactionFinished({ login })`, which 303s back to `/auth/:uid`.
 *   3. oidc-provider then needs consent and starts a second interaction; our GET handler
 *      grants exactly what was asked for (a Grant with the missing OIDC scopes/claims,
 *      i.e. first-party auto-consent) and 303s back again.
 *   4. oidc-provider redirects to the app's redirect_uri with `code`, `state` and `iss`.
 *      The app exchanges the code at `/token` (client_secret_basic + code_verifier) and
 *      gets an RS256 id_token carrying sub, email, email_verified and name.
 *
 * Everything that is not `/interaction/*` goes to `provider.callback()`. Plain http on
 * localhost needs no special setting: oidc-provider only marks cookies `secure` when the
 * request itself is secure (`provider.proxy` matters only behind a TLS-terminating proxy).
 *
 * Each start gets a fresh signing key, fresh cookie-signing keys and its own cookie
 * names, so instances started one after another (on different ports) never see each
 * other's sessions, even though browsers share localhost cookies across ports.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { errors, type Account, type Interaction, type JWK } from "oidc-provider";

export interface TestIdpUser {
  sub: string;
  email: string;
  name: string;
  password: string;
  /** The ID token's email_verified: true unless set; null leaves the claim out. */
  emailVerified?: boolean | null;
}

export const TEST_IDP_USERS: TestIdpUser[] = [
  { sub: "sso-ada", email: "ada@sso.test", name: "Ada Lovelace", password: "sso-password" },
  { sub: "sso-grace", email: "grace@sso.test", name: "Grace Hopper", password: "sso-password-2" },
  // ID tokens that do not vouch for the email: false, and the claim left out (decision record 019).
  { sub: "sso-unverified", email: "unverified@sso.test", name: "Una Verified", password: "sso-password-3", emailVerified: false },
  { sub: "sso-noclaim", email: "noclaim@sso.test", name: "Nora Claim", password: "sso-password-4", emailVerified: null },
];

export interface StartTestIdpOptions {
  /** Port to listen on; 0 picks a free one (read it back from `issuer`/`port`). */
  port: number;
  clientId: string;
  clientSecret: string;
  /** e.g. [`${NEXTAUTH_URL}/api/auth/callback/oidc`] */
  redirectUris: string[];
  /** Refuse an authorization request without a `nonce`, as many providers do (default true). */
  requireNonce?: boolean;
}

export interface TestIdp {
  /** `http://localhost:<port>`; discovery is at `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  port: number;
  close(): Promise<void>;
}

const INTERACTION_ROUTE = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/;

export async function startTestIdp(opts: StartTestIdpOptions): Promise<TestIdp> {
  // Created once we know the port (the issuer contains it); anything earlier gets a 503.
  let provider: Provider | undefined;
  let providerCallback: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;

  const server = createServer((req, res) => {
    if (!provider || !providerCallback) {
      res.writeHead(503).end();
      return;
    }
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const match = INTERACTION_ROUTE.exec(path);
    if (!match) {
      void providerCallback(req, res);
      return;
    }
    handleInteraction(provider, req, res, match[1] ?? "", match[2]).catch((error: unknown) => {
      sendInteractionError(res, error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // No host: listen on all local addresses (dual-stack), so "localhost" works whether
    // the client resolves it to 127.0.0.1 or ::1.
    server.listen(opts.port, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  try {
    provider = createProvider(issuer, opts);
    providerCallback = provider.callback();
  } catch (error) {
    server.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    issuer,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

interface NonceCheckContext {
  path: string;
  query: Record<string, unknown>;
  status: number;
  type: string;
  body: unknown;
}

function createProvider(issuer: string, opts: StartTestIdpOptions): Provider {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey: JWK = { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
  const cookiePrefix = `test_idp_${randomBytes(4).toString("hex")}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        id_token_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: {
      keys: [randomBytes(32).toString("base64url")],
      names: {
        session: `${cookiePrefix}_session`,
        interaction: `${cookiePrefix}_interaction`,
        resume: `${cookiePrefix}_resume`,
      },
    },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
    },
    // next-auth with `idToken: true` reads the profile from the id_token only (it never
    // calls userinfo), so put the granted scopes' claims into the id_token too.
    conformIdTokenClaims: false,
    // The app sends PKCE (checks: ["pkce", "state", "nonce"]); insist on it so a regression shows.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount(_ctx, sub): Account | undefined {
      const user = TEST_IDP_USERS.find((candidate) => candidate.sub === sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: () => ({
          sub: user.sub,
          email: user.email,
          ...(user.emailVerified === null ? {} : { email_verified: user.emailVerified ?? true }),
          name: user.name,
        }),
      };
    },
    clientBasedCORS: () => false,
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page(
        "Error",
        `<h1>Sign-in error</h1><p>${escapeHtml(out.error)}</p>${out.error_description ? `<p>${escapeHtml(out.error_description)}</p>` : ""}`,
      );
    },
  });
  if (opts.requireNonce ?? true)
    // Provider is a Koa application (its module declaration here leaves `use` out).
    (provider as unknown as { use(fn: (ctx: NonceCheckContext, next: () => Promise<void>) => Promise<void>): void }).use(
      async (ctx, next) => {
        if (ctx.path === "/auth" && !ctx.query.nonce) {
          ctx.status = 400;
          ctx.type = "html";
          ctx.body = page("Error", "<h1>Sign-in error</h1><p>invalid_request: nonce is required</p>");
          return;
        }
        await next();
      },
    );
  provider.on("server_error", (_ctx, error) => {
    console.error("[test-idp] server_error", error);
  });
  return provider;
}

async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  action: string | undefined,
): Promise<void> {
  const interaction = await provider.interactionDetails(req, res);
  if (interaction.uid !== uid) {
    sendHtml(res, 400, page("Error", "<h1>Sign-in error</h1><p>This sign-in attempt is no longer current.</p>"));
    return;
  }

  if (action === "/abort" && req.method === "GET") {
    await provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "End-User aborted interaction" },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  if (action === "/login" && req.method === "POST") {
    if (interaction.prompt.name !== "login") throw new Error(`unexpected prompt ${interaction.prompt.name}`);
    const form = new URLSearchParams(await readBody(req));
    const email = (form.get("email") ?? "").trim();
    const password = form.get("password") ?? "";
    const user = TEST_IDP_USERS.find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
    if (!user || user.password !== password) {
      sendHtml(res, 401, loginPage(uid, email, "Invalid email or password"));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    return;
  }

  if (action === undefined && req.method === "GET") {
    switch (interaction.prompt.name) {
      case "login": {
        const hint = interaction.params.login_hint;
        sendHtml(res, 200, loginPage(uid, typeof hint === "string" ? hint : "", undefined));
        return;
      }
      case "consent":
        await grantRequestedConsent(provider, req, res, interaction);
        return;
      default:
        throw new Error(`unsupported prompt ${interaction.prompt.name}`);
    }
  }

  sendHtml(res, 405, page("Not allowed", "<p>Method not allowed</p>"));
}

/** First-party auto-consent: grant exactly the scopes/claims the request is missing. */
async function grantRequestedConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  interaction: Interaction,
): Promise<void> {
  const { prompt, params, session, grantId } = interaction;
  if (!session) throw new Error("consent without a logged-in session");
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  const savedGrantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: existing ? {} : { grantId: savedGrantId } }, { mergeWithLastSubmission: true });
}

function loginPage(uid: string, email: string, error: string | undefined): string {
  return page(
    "Sign in",
    `<h1>Test identity provider</h1>
${error ? `<p role="alert" style="color:#b00">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
  <p><label for="email">Email</label><br><input id="email" name="email" type="email" value="${escapeHtml(email)}" required autofocus></p>
  <p><label for="password">Password</label><br><input id="password" name="password" type="password" required></p>
  <p><button type="submit">Sign in</button> <a href="/interaction/${escapeHtml(uid)}/abort">Cancel</a></p>
</form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Test IdP</title></head>
<body style="font-family:sans-serif;max-width:24rem;margin:3rem auto">${body}</body></html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(html);
}

function sendInteractionError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof errors.OIDCProviderError) {
    // e.g. SessionNotFound when the interaction cookie is missing or expired.
    const detail = error.error_detail ? `: ${error.error_detail}` : "";
    sendHtml(res, error.status, page("Error", `<h1>Sign-in error</h1><p>${escapeHtml(error.error + detail)}</p>`));
    return;
  }
  console.error("[test-idp] interaction error", error);
  sendHtml(res, 500, page("Error", "<h1>Sign-in error</h1><p>Internal error</p>"));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > 64 * 1024) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
