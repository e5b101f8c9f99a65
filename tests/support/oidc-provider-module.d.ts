// Minimal ambient types for the parts of `oidc-provider` 9.x that
// tests/support/oidc-provider.ts uses. The package ships no types and
// @types/oidc-provider is not installed; widen these only as needed.
//
// Deliberately NOT named `oidc-provider.d.ts`: next to `oidc-provider.ts`,
// tsc's `include` globbing silently drops a same-basename `.d.ts`, so the
// declarations would never be seen by `npm run typecheck`.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): AccountClaims | Promise<AccountClaims>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
  }

  export interface JWK {
    kty?: string;
    kid?: string;
    alg?: string;
    use?: string;
    [member: string]: unknown;
  }

  /** The slice of the Koa context handed to `renderError`. */
  export interface RenderErrorContext {
    type: string;
    body: unknown;
  }

  export interface ErrorOut {
    error: string;
    error_description?: string;
  }

  export interface CookieNames {
    session?: string;
    interaction?: string;
    resume?: string;
  }

  export type TtlName = "AccessToken" | "AuthorizationCode" | "IdToken" | "Interaction" | "Session" | "Grant";

  export interface Configuration {
    clients?: ClientMetadata[];
    jwks?: { keys: JWK[] };
    cookies?: { keys?: string[]; names?: CookieNames };
    claims?: Record<string, string[] | null>;
    conformIdTokenClaims?: boolean;
    features?: { devInteractions?: { enabled: boolean } };
    pkce?: { required?: (ctx: unknown, client: unknown) => boolean };
    ttl?: Partial<Record<TtlName, number>>;
    findAccount?: (ctx: unknown, sub: string, token?: unknown) => Account | undefined | Promise<Account | undefined>;
    renderError?: (ctx: RenderErrorContext, out: ErrorOut, error: Error) => void | Promise<void>;
    clientBasedCORS?: (ctx: unknown, origin: string, client: unknown) => boolean;
  }

  export interface PromptDetails {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  }

  export interface Interaction {
    uid: string;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: PromptDetails };
    params: Record<string, unknown>;
    session?: { accountId: string; uid: string };
    grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(ttl?: number): Promise<string>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    /** Koa's request listener (Provider extends Koa). */
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: "server_error", listener: (ctx: unknown, error: Error) => void): this;
  }

  export namespace errors {
    export class OIDCProviderError extends Error {
      readonly status: number;
      readonly error: string;
      readonly error_detail?: string;
    }
  }

  export default Provider;
}
