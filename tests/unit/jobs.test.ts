import { describe, expect, it } from "vitest";

import { activeKeyOf, backoffMs, periodKey, periodStart } from "@/server/jobs/schedule";

describe("job backoff", () => {
  it("doubles from the base after each failed attempt and stops at the maximum", () => {
    const b = { baseMs: 1_000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, b))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it("uses the given factor", () => {
    expect(backoffMs(3, { baseMs: 100, maxMs: 1e9, factor: 3 })).toBe(900);
  });

  it("refuses an attempt number that is not a positive integer", () => {
    expect(() => backoffMs(0)).toThrow(RangeError);
    expect(() => backoffMs(1.5)).toThrow(RangeError);
  });
});

describe("recurring periods", () => {
  it("puts every instant of a period in the same period, aligned on the epoch (a day is a UTC day)", () => {
    const day = 86_400_000;
    expect(periodStart(new Date("2026-12-02T00:00:00Z"), day).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(periodStart(new Date("2026-12-02T23:59:59.999Z"), day).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(periodStart(new Date("2026-12-03T00:00:00Z"), day).toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });

  it("keys a period by the job's name and the period's start", () => {
    const hour = 3_600_000;
    const a = periodKey("usage-sync.schedule", new Date("2026-12-02T10:05:00Z"), hour);
    const b = periodKey("usage-sync.schedule", new Date("2026-12-02T10:59:59Z"), hour);
    const c = periodKey("usage-sync.schedule", new Date("2026-12-02T11:00:00Z"), hour);
    expect(a).toBe("usage-sync.schedule@2026-12-02T10:00:00.000Z");
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(periodKey("other", new Date("2026-12-02T10:05:00Z"), hour)).not.toBe(a);
  });

  it("refuses a period that is not a positive number of milliseconds", () => {
    expect(() => periodStart(new Date(), 0)).toThrow(RangeError);
  });

  it("namespaces dedupe keys by job kind", () => {
    expect(activeKeyOf("a.b", "x")).not.toBe(activeKeyOf("a.c", "x"));
  });
});
