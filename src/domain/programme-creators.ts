/**
 * Who may create a programme (decision record 018). Creating one makes its creator its programme
 * manager, with a price table, an audit chain and members of their choosing, so an operator can limit it:
 * GATEHOUSE_PROGRAMME_CREATORS lists email addresses ("ops@acme.com") and email domains ("@acme.com"),
 * separated by commas or spaces. Unset, anyone signed in may (a single organisation's own deployment).
 */
export interface ProgrammeCreators {
  emails: ReadonlySet<string>;
  domains: ReadonlySet<string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** The list from its text, or the entries it cannot read (each must be an email or "@domain"). */
export function parseProgrammeCreators(raw: string): { ok: true; creators: ProgrammeCreators } | { ok: false; invalid: string[] } {
  const entries = raw
    .split(/[\s,]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const invalid = entries.filter((e) => !EMAIL.test(e) && !DOMAIN.test(e));
  if (invalid.length > 0) return { ok: false, invalid };
  return {
    ok: true,
    creators: { emails: new Set(entries.filter((e) => !e.startsWith("@"))), domains: new Set(entries.filter((e) => e.startsWith("@"))) },
  };
}

/** Whether the person with this (verified, stored) email may create a programme; `null` creators = anyone signed in. */
export function mayCreateProgramme(email: string, creators: ProgrammeCreators | null): boolean {
  if (creators === null) return true;
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf("@");
  return creators.emails.has(e) || (at > 0 && creators.domains.has(e.slice(at)));
}
