import { describe, expect, it } from "vitest";

import { eventHash, GENESIS, verifyChain, type StoredEvent } from "@/domain/audit-chain";
import { auditActionLabel, auditChanges, auditEntityLabel, displayValue, fieldLabel } from "@/domain/audit-display";

describe("audit events in words", () => {
  it("names known actions and record types, and derives a name for an unknown one", () => {
    expect(auditActionLabel("budget.approve")).toBe("Budget approved");
    expect(auditActionLabel("gate.new_round")).toBe("Gate review round reopened");
    expect(auditActionLabel("thing.did-something")).toBe("Thing did something");
    expect(auditEntityLabel("BudgetApproval")).toBe("Budget approval");
    expect(auditEntityLabel("SomeNewRecord")).toBe("Some new record");
    expect(fieldLabel("figures.seatPricePerMonth")).toBe("Figures › Seat price per month");
  });

  it("shows values whole: enums in words, numbers grouped, lists joined, long text never cut", () => {
    expect(displayValue("IN_PROGRESS")).toBe("In progress");
    expect(displayValue("claude-sonnet-4-6")).toBe("claude-sonnet-4-6");
    expect(displayValue(73889.74)).toBe("73,889.74");
    expect(displayValue(["SPONSOR", "VIEWER"])).toBe("Sponsor, Viewer");
    expect(displayValue(null)).toBe("—");
    expect(displayValue(true)).toBe("Yes");
    const long = "x".repeat(5000);
    expect(displayValue(long)).toHaveLength(5000);
  });

  it("lists only the fields that changed; a created record lists every field; nested fields by path", () => {
    expect(auditChanges({ status: "NOT_STARTED", title: "Kick-off" }, { status: "DONE", title: "Kick-off" })).toEqual([
      { field: "Status", before: "Not started", after: "Done" },
    ]);
    expect(auditChanges(null, { name: "Pilot", users: 30 })).toEqual([
      { field: "Name", after: "Pilot" },
      { field: "Users", after: "30" },
    ]);
    expect(auditChanges({ note: "old" }, {})).toEqual([{ field: "Note", before: "old" }]);
    expect(auditChanges({ figures: { users: 400, seats: 500 } }, { figures: { users: 450, seats: 500 } })).toEqual([
      { field: "Figures › Users", before: "400", after: "450" },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});

describe("verifying a chain from a checkpoint", () => {
  const content = (seq: number) => ({
    chain: "c",
    seq,
    programmeId: null,
    actorId: null,
    actorLabel: "t",
    action: "x.y",
    entityType: "X",
    entityId: null,
    before: null,
    after: { seq },
    createdAt: "2026-12-02T00:00:00.000Z",
  });
  function chain(n: number): StoredEvent[] {
    const out: StoredEvent[] = [];
    let prev = GENESIS.hash;
    for (let s = 1; s <= n; s++) {
      const c = content(s);
      const hash = eventHash(prev, c);
      out.push({ ...c, prevHash: prev, hash });
      prev = hash;
    }
    return out;
  }

  it("continues from a verified position and reports where the next segment starts", () => {
    const events = chain(5);
    const head = verifyChain(events.slice(0, 3));
    expect(head).toMatchObject({ ok: true, events: 3, headSeq: 3 });
    if (!head.ok) return;
    expect(verifyChain(events.slice(3), { seq: head.headSeq, hash: head.headHash })).toMatchObject({ ok: true, events: 2, headSeq: 5 });
    // A segment that does not start where the checkpoint ends is a missing event.
    expect(verifyChain(events.slice(4), { seq: head.headSeq, hash: head.headHash })).toMatchObject({ ok: false, brokenAtSeq: 4 });
    // A checkpoint hash that is not the event's is a broken back-link.
    expect(verifyChain(events.slice(3), { seq: 3, hash: "f".repeat(64) })).toMatchObject({ ok: false, brokenAtSeq: 4 });
  });
});
