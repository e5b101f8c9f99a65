import { describe, expect, it } from "vitest";

import {
  addDays,
  calendarDateOf,
  calendarDateProblem,
  daysBetween,
  eachDay,
  isCalendarDate,
  MAX_DATE,
  MIN_DATE,
  parseCalendarDate,
  toUtcDate,
} from "@/domain/dates";
import { calendarDate, linkKind, nulCharacterPath, optionalCalendarDate, optionalLink } from "@/domain/input";

describe("calendar dates", () => {
  it("accepts real days in the supported years, leap days included", () => {
    for (const d of ["2026-01-01", "2024-02-29", "2000-02-29", "2000-01-01", "2100-12-31", "2026-12-31", "2026-04-30"])
      expect(isCalendarDate(d), d).toBe(true);
  });

  it("refuses what is not YYYY-MM-DD, not a real day, or outside the supported years, each with its reason", () => {
    const cases: [unknown, string][] = [
      ["abc", "format"],
      ["", "format"],
      ["2026-1-01", "format"],
      ["2026-01-01T00:00:00Z", "format"],
      [" 2026-01-01", "format"],
      ["２０２６-01-01", "format"],
      [20260101, "format"],
      [null, "format"],
      ["2026-13-01", "invalid"],
      ["2026-00-10", "invalid"],
      ["2026-02-30", "invalid"],
      ["2026-02-29", "invalid"],
      ["2100-02-29", "invalid"],
      ["2026-04-31", "invalid"],
      ["2026-01-00", "invalid"],
      ["0000-01-01", "range"],
      ["1999-12-31", "range"],
      ["2101-01-01", "range"],
      ["9999-12-31", "range"],
    ];
    for (const [input, problem] of cases) expect(calendarDateProblem(input), String(input)).toBe(problem);
  });

  it("parses trimmed text, and says null for anything else", () => {
    expect(parseCalendarDate(" 2026-03-01 ")).toBe("2026-03-01");
    expect(parseCalendarDate("2026-02-30")).toBeNull();
    expect(parseCalendarDate(undefined)).toBeNull();
  });

  it("adds and counts whole UTC days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-29", 0)).toBe("2026-03-29");
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
    expect(daysBetween("2026-03-02", "2026-02-27")).toBe(-3);
    expect(eachDay("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(eachDay("2026-03-02", "2026-03-01")).toEqual([]);
    expect(() => addDays("2026-01-01", 0.5)).toThrow(RangeError);
  });

  it("converts to and from a Date at UTC midnight", () => {
    expect(toUtcDate("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(calendarDateOf(new Date("2026-02-28T23:59:59.999Z"))).toBe("2026-02-28");
    expect(calendarDateOf(new Date("2026-03-01T00:00:00+01:00"))).toBe("2026-02-28");
    expect(() => calendarDateOf(new Date("nope"))).toThrow(RangeError);
    expect(() => toUtcDate("2026-2-1")).toThrow(RangeError);
    expect(MIN_DATE < MAX_DATE).toBe(true);
  });

  it("gives one zod type, with each input's own words for the three refusals", () => {
    const schema = calendarDate({ invalid: "must be a real date" });
    expect(schema.parse(" 2026-03-01 ")).toBe("2026-03-01");
    const messageOf = (s: string) => schema.safeParse(s).error?.issues[0]?.message;
    expect(messageOf("abc")).toBe("Enter a date as YYYY-MM-DD.");
    expect(messageOf("2026-02-30")).toBe("must be a real date");
    expect(messageOf("0000-01-01")).toBe("Enter a date between 2000 and 2100.");
    expect(calendarDate().safeParse(42).success).toBe(false);
    const optional = optionalCalendarDate();
    expect(optional.parse("")).toBeNull();
    expect(optional.parse(undefined)).toBeNull();
    expect(optional.parse("2026-03-01")).toBe("2026-03-01");
    expect(optional.safeParse("2026-13-01").success).toBe(false);
  });
});

describe("links", () => {
  it("accepts http(s) web addresses and paths in Gatehouse", () => {
    expect(linkKind("https://example.com/policy.pdf")).toBe("external");
    expect(linkKind("http://intranet.example/x?y=1#z")).toBe("external");
    expect(linkKind("HTTPS://EXAMPLE.COM")).toBe("external");
    expect(linkKind("/programmes/acme/decisions/1")).toBe("internal");
    expect(linkKind("/programmes/acme?x=//evil.test")).toBe("internal");
  });

  it("refuses links that look internal but leave the site, and every other scheme", () => {
    for (const s of [
      "//evil.test/x",
      "/\\evil.test/x",
      "\\\\evil.test/x",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "/\t/evil.test",
      "/\n/evil.test",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "file:///etc/passwd",
      "https:evil.test",
      "https:/evil.test",
      "http://",
      "mailto:a@b.test",
      "evil.test/x",
      "",
    ])
      expect(linkKind(s), JSON.stringify(s)).toBeNull();
    expect(linkKind("/%5Cevil.test")).toBe("internal"); // an encoded backslash is a path segment here, not a separator
  });

  it("has one optional zod type for every link input", () => {
    const schema = optionalLink();
    expect(schema.parse("")).toBeNull();
    expect(schema.parse(" https://example.com ")).toBe("https://example.com");
    expect(schema.safeParse("//evil.test/x").error?.issues[0]?.message).toMatch(/web address/);
  });
});

describe("NUL characters", () => {
  it("finds U+0000 in any string or key of a parsed input, with its path", () => {
    expect(nulCharacterPath({ a: "ok", b: [1, "x", { c: "y\u0000" }] })).toEqual(["b", 2, "c"]);
    expect(nulCharacterPath({ ["k\u0000"]: 1 })).toEqual(["k\u0000"]);
    expect(nulCharacterPath("\u0000")).toEqual([]);
    expect(nulCharacterPath({ a: "fine", n: 1, t: true, z: null })).toBeNull();
    expect(nulCharacterPath({ a: "\\u0000 written out" })).toBeNull();
  });
});
