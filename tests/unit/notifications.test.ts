import { describe, expect, it } from "vitest";

import { describeDue, dueDedupeKey, dueState } from "@/domain/due-dates";
import { requestedDelivery } from "@/features/notifications/server/preference-link-page";
import {
  describePreferenceLinks,
  escapeHtml,
  fillPreferenceLinks,
  groupDigest,
  renderDigestEmail,
  renderNotificationEmail,
  type DigestItem,
} from "@/server/mail/render";
import { defineNotificationKind, kindCatalog } from "@/server/notifications/kinds";
import { signPreferenceToken, verifyPreferenceToken } from "@/server/notifications/preference-token";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("due and overdue", () => {
  const today = d("2026-03-10");
  it("is due from three days before (today included), overdue after, nothing when done or further away", () => {
    expect(dueState(d("2026-03-14"), today, false)).toBeNull();
    expect(dueState(d("2026-03-13"), today, false)).toBe("DUE");
    expect(dueState(d("2026-03-10"), today, false)).toBe("DUE");
    expect(dueState(d("2026-03-09"), today, false)).toBe("OVERDUE");
    expect(dueState(d("2026-01-01"), today, false)).toBe("OVERDUE");
    expect(dueState(d("2026-03-09"), today, true)).toBeNull();
  });
  it("says how far off it is", () => {
    expect(describeDue(d("2026-03-10"), today)).toBe("due today");
    expect(describeDue(d("2026-03-11"), today)).toBe("due tomorrow");
    expect(describeDue(d("2026-03-13"), today)).toBe("due in 3 days");
    expect(describeDue(d("2026-03-09"), today)).toBe("1 day overdue");
    expect(describeDue(d("2026-03-05"), today)).toBe("5 days overdue");
  });
  it("keys a notification by item, state and date, so a moved date is news again", () => {
    expect(dueDedupeKey("milestone", "m1", "DUE", d("2026-03-13"))).toBe("milestone:m1:DUE:2026-03-13");
    expect(dueDedupeKey("milestone", "m1", "DUE", d("2026-03-20"))).not.toBe(dueDedupeKey("milestone", "m1", "DUE", d("2026-03-13")));
  });
});

describe("email templating", () => {
  const base = {
    recipientName: "Sam <Security>",
    programmeName: "Acme & Co",
    subject: "Architecture Review is open for your Security sign-off",
    body: 'Review the "evidence".\n\n<script>alert(1)</script>',
    url: "https://gatehouse.example/programmes/acme/gates/architecture-review?x=1&y=2",
    kindKey: "gates.review-open",
    kindLabel: "A gate is open for your sign-off",
    settingsUrl: "https://gatehouse.example/settings/notifications",
  };

  it("has a text part and an HTML part with everything interpolated escaped", () => {
    const e = renderNotificationEmail(base);
    expect(e.subject).toBe("[Acme & Co] Architecture Review is open for your Security sign-off");
    expect(e.text).toContain("Hello Sam <Security>,");
    expect(e.text).toContain(`Open it: ${base.url}`);
    expect(e.html).toContain("Hello Sam &lt;Security&gt;,");
    expect(e.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(e.html).not.toContain("<script>");
    expect(e.html).toContain('href="https://gatehouse.example/programmes/acme/gates/architecture-review?x=1&amp;y=2"');
    expect(e.html).toContain("Review the &quot;evidence&quot;.");
  });

  it("writes the one-click link as a placeholder that only sending fills in, and that user text cannot forge", () => {
    const e = renderNotificationEmail({ ...base, body: "%%gatehouse-preference-link:gates.decided%%" });
    const filled = fillPreferenceLinks(e.text, (kinds) => `https://x/${kinds.join("+")}`);
    expect(filled).toContain("(one click, no sign-in): https://x/gates.review-open");
    expect(filled).not.toContain("https://x/gates.decided");
    expect(describePreferenceLinks(e.text)).toContain("[the recipient's one-click link to change this email setting]");
  });

  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("the daily digest", () => {
  const item = (kindKey: string, subject: string, minute: number): DigestItem => ({
    kindKey,
    kindLabel: kindKey === "a.x" ? "Kind A" : "Kind B",
    subject,
    body: "",
    url: `https://g/${subject}`,
    createdAt: new Date(Date.UTC(2026, 2, 10, 8, minute)),
  });

  it("groups by kind in order of first appearance, each oldest first", () => {
    const groups = groupDigest([item("b.y", "b2", 5), item("a.x", "a1", 2), item("b.y", "b1", 1), item("a.x", "a2", 9)]);
    expect(groups.map((g) => [g.kindKey, g.items.map((i) => i.subject)])).toEqual([
      ["b.y", ["b1", "b2"]],
      ["a.x", ["a1", "a2"]],
    ]);
  });

  it("is one email listing every notification, with a link per kind and one for all", () => {
    const e = renderDigestEmail({
      recipientName: "Ada",
      programmeName: "Acme",
      day: "2026-03-10",
      items: [item("a.x", "a1", 1), item("b.y", "b1", 2), item("a.x", "a2", 3)],
      settingsUrl: "https://g/settings/notifications",
    });
    expect(e.subject).toBe("[Acme] Daily digest: 3 notifications");
    expect(e.text).toContain("== Kind A (2) ==");
    expect(e.text).toContain("== Kind B (1) ==");
    const links: string[][] = [];
    fillPreferenceLinks(e.text, (kinds) => (links.push(kinds), ""));
    expect(links).toEqual([["a.x"], ["b.y"], ["a.x", "b.y"]]);
    expect(e.html).toContain('<a href="https://g/a1">a1</a>');
  });
});

describe("the one-click preference token", () => {
  const secret = "unit-test-secret-0123456789abcdef";
  it("round-trips its person and kinds, and refuses anything altered or signed with another secret", () => {
    const t = signPreferenceToken(secret, { userId: "u-1", kinds: ["gates.decided"] });
    expect(verifyPreferenceToken(secret, t)).toEqual({ userId: "u-1", kinds: ["gates.decided"] });
    expect(verifyPreferenceToken("another-secret-0123456789abcdef", t)).toBeNull();
    const [payload, sig] = t.split(".");
    const other = Buffer.from(JSON.stringify({ u: "u-2", k: ["gates.decided"] })).toString("base64url");
    expect(verifyPreferenceToken(secret, `${other}.${sig}`)).toBeNull();
    expect(verifyPreferenceToken(secret, `${payload}.${sig!.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`)).toBeNull();
    expect(verifyPreferenceToken(secret, "garbage")).toBeNull();
  });
  it("reads RFC 8058's one-click body as off, and the page's buttons as their choice", () => {
    expect(requestedDelivery("List-Unsubscribe=One-Click")).toBe("OFF");
    expect(requestedDelivery("delivery=DIGEST")).toBe("DIGEST");
    expect(requestedDelivery("delivery=EVERYTHING")).toBe("OFF");
  });
});

describe("notification kinds", () => {
  it("have keys like feature.what-happened, unique in a catalog", () => {
    expect(() => defineNotificationKind({ key: "Bad Key", label: "x", description: "x", defaultDelivery: "OFF" })).toThrow();
    const k = defineNotificationKind({ key: "a.b", label: "x", description: "x", defaultDelivery: "OFF" });
    expect(() => kindCatalog([k, k])).toThrow(/defined twice/);
  });
});
