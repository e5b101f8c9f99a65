import { z } from "zod";

import { parseProgrammeCreators, type ProgrammeCreators } from "@/domain/programme-creators";

import { parseTrustedProxies } from "./auth/trusted-proxies";

/**
 * The environment, read and validated in one place. Anything the app needs from process.env comes
 * from here, so a misconfiguration fails at start with a message naming the variable.
 */
const schema = z
  .object({
    DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// connection string"),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(8),
    NEXTAUTH_URL: z.string().url().optional(),
    NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    /** Anthropic API key for live calls (token counting); optional: without it the app asks for numbers by hand. Never logged. */
    ANTHROPIC_API_KEY: z.string().min(1).optional(),
    ANTHROPIC_BASE_URL: z.string().url("ANTHROPIC_BASE_URL must be a URL such as https://api.anthropic.com").optional(),
    /** Encrypts programmes' Anthropic admin/analytics keys at rest (32 bytes: 64 hex characters or base64). Optional: without it keys cannot be saved. Never logged. */
    GATEHOUSE_ENCRYPTION_KEY: z
      .string()
      .trim()
      .refine(
        (s) =>
          /^[0-9a-fA-F]{64}$/.test(s) ||
          (/^[A-Za-z0-9+/_-]{43}=?$/.test(s) && Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64").length === 32),
        "GATEHOUSE_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64 (openssl rand -hex 32)",
      )
      .optional(),
    /** Outgoing mail (smtp://user:pass@host:587, smtps://… for TLS). Optional: without it emails stay in the outbox, marked not sent. Never logged. */
    SMTP_URL: z
      .string()
      .url("SMTP_URL must be a URL such as smtp://user:password@mail.example.com:587")
      .refine((s) => /^smtps?:\/\//.test(s), "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    /** The From of every email, e.g. "Gatehouse <gatehouse@example.com>" (default: Gatehouse <gatehouse@the app's host>). */
    MAIL_FROM: z.string().min(3).optional(),
    /** The job worker runs inside this process (`npm start`) unless "off"; `npm run worker` runs one on its own. */
    GATEHOUSE_WORKER: z.enum(["on", "off"], { error: 'GATEHOUSE_WORKER must be "on" or "off"' }).default("on"),
    /** Jobs one worker runs at once. */
    GATEHOUSE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** How often an idle worker looks for due jobs, in milliseconds. */
    GATEHOUSE_WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
    /**
     * Who may create programmes: email addresses and "@domain"s, comma-separated (decision record 018).
     * Unset: anyone signed in.
     */
    GATEHOUSE_PROGRAMME_CREATORS: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        const r = v === undefined ? null : parseProgrammeCreators(v);
        if (r && !r.ok)
          ctx.addIssue({
            code: "custom",
            message: `list email addresses or @domains, comma-separated; cannot read ${r.invalid.join(", ")}`,
          });
      }),
    /**
     * The reverse proxies whose X-Forwarded-For is believed: addresses and CIDRs, comma-separated
     * (decision record 019). Unset: X-Forwarded-For is ignored.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || parseTrustedProxies(v) !== null,
        "TRUSTED_PROXIES must list IP addresses or CIDRs, comma-separated",
      ),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .refine(
    (e) =>
      [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v === undefined) ||
      [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v !== undefined),
    { message: "Single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none of them" },
  );

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const blankToUndefined = Object.fromEntries(Object.entries(process.env).map(([k, v]) => [k, v === "" ? undefined : v]));
  const parsed = schema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Who may create programmes (GATEHOUSE_PROGRAMME_CREATORS); null when anyone signed in may. */
export function programmeCreators(): ProgrammeCreators | null {
  const raw = env().GATEHOUSE_PROGRAMME_CREATORS;
  if (raw === undefined) return null;
  const r = parseProgrammeCreators(raw);
  if (!r.ok) throw new Error(`GATEHOUSE_PROGRAMME_CREATORS: cannot read ${r.invalid.join(", ")}`); // env() refuses it first
  return r.creators;
}

export function ssoConfigured(): boolean {
  return env().OIDC_ISSUER !== undefined;
}

/** The web app signs sessions with NEXTAUTH_SECRET; the CLI and scripts do not need it. */
export function sessionSecret(): string {
  const s = env().NEXTAUTH_SECRET;
  if (!s) throw new Error("Invalid environment:\n  NEXTAUTH_SECRET: required to sign sessions (npm start generates one in .gatehouse/)");
  return s;
}

/** The app's address for links in emails: NEXTAUTH_URL, else http://localhost:3000. No trailing slash. */
export function appBaseUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
