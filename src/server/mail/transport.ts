import "server-only";

import nodemailer, { type Transporter } from "nodemailer";

import { appBaseUrl, env } from "../env";

/**
 * The SMTP connection, from SMTP_URL (smtp:// or smtps://). None configured: emails stay in the outbox,
 * marked "not sent: no SMTP configured". The URL carries a password: it is never logged or put in an error.
 */
let cached: { url: string; transport: Transporter } | undefined;

export function smtpConfigured(): boolean {
  return env().SMTP_URL !== undefined;
}

export function mailTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = {
      url,
      transport: nodemailer.createTransport(url, {
        // A server that does not answer is an attempt that failed, not a job that hangs.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
        logger: false,
        debug: false,
      } as never),
    };
  }
  return cached.transport;
}

/** MAIL_FROM, or "Gatehouse <gatehouse@the app's host>". */
export function mailFrom(): string {
  return env().MAIL_FROM ?? `Gatehouse <gatehouse@${new URL(appBaseUrl()).hostname}>`;
}

/** The domain in our Message-IDs. */
export function messageIdDomain(): string {
  const from = mailFrom().match(/@([^>\s]+)/)?.[1];
  return from ?? (new URL(appBaseUrl()).hostname || "gatehouse.local");
}
