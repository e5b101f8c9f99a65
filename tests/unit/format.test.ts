import { describe, expect, it } from "vitest";

import {
  formatChange,
  formatCompact,
  formatCount,
  formatDate,
  formatDateTime,
  formatDay,
  formatDayMonth,
  formatFigure,
  formatNumber,
  formatPassRate,
  formatPercent,
  formatPerMTok,
  formatRoi,
  formatSeconds,
  formatShare,
  formatUsd,
  formatUsdPrecise,
  formatUsdWhole,
} from "@/lib/format";

const NOT_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined];

describe("formatUsd: an amount, to the cent", () => {
  it.each([
    [1234.5, "$1,234.50"],
    [0.125, "$0.13"],
    [0.004, "$0.00"],
    [0, "$0.00"],
    [-0, "$0.00"],
    [-0.004, "$0.00"], // rounds to zero: no "-$0.00"
    [-12.3, "-$12.30"],
    [1e12, "$1,000,000,000,000.00"],
    [Number.MAX_SAFE_INTEGER, "$9,007,199,254,740,991.00"],
  ])("%s → %s", (n, text) => expect(formatUsd(n)).toBe(text));

  it.each(NOT_FINITE)("%s → —", (n) => expect(formatUsd(n)).toBe("—"));
});

describe("formatUsdPrecise: a unit cost (per task, run, call or token)", () => {
  it.each([
    [0.0135, "$0.0135"],
    [0.013549, "$0.0135"],
    [0.00123, "$0.00123"],
    [0.000003, "$0.000003"], // $3 per million tokens, per token
    [0.5, "$0.50"],
    [0.999, "$0.999"],
    [1.2345, "$1.23"],
    [2500, "$2,500.00"],
    [0, "$0.00"],
    [-0.0135, "-$0.0135"],
    [-3.456, "-$3.46"],
    [1e-9, "<$0.000001"], // not zero, too small to print: never "$0.00"
    [-1e-9, ">-$0.000001"],
  ])("%s → %s", (n, text) => expect(formatUsdPrecise(n)).toBe(text));

  it.each(NOT_FINITE)("%s → —", (n) => expect(formatUsdPrecise(n)).toBe("—"));
});

describe("whole dollars and prices per million tokens", () => {
  it.each([
    [1234.56, "$1,235"],
    [-0.4, "$0"],
    [-1500, "-$1,500"],
  ])("formatUsdWhole(%s) → %s", (n, text) => expect(formatUsdWhole(n)).toBe(text));

  it.each([
    [3, "$3"],
    [3.75, "$3.75"],
    [0.1, "$0.10"],
    [0.125, "$0.125"],
    [0, "$0"],
  ])("formatPerMTok(%s) → %s", (n, text) => expect(formatPerMTok(n)).toBe(text));

  it("never prints $∞ or NaN", () => {
    for (const n of NOT_FINITE) {
      expect(formatUsdWhole(n)).toBe("—");
      expect(formatPerMTok(n)).toBe("—");
    }
  });
});

describe("counts, numbers and percentages", () => {
  it.each([
    [1234.5, "1,235"],
    [0, "0"],
    [-0.2, "0"],
    [-1234, "-1,234"],
    [2_147_483_648, "2,147,483,648"],
  ])("formatCount(%s) → %s", (n, text) => expect(formatCount(n)).toBe(text));

  it.each([
    [1234.56, "1,234.6"],
    [-2.25, "-2.3"], // half away from zero
    [0, "0"],
  ])("formatNumber(%s) → %s", (n, text) => expect(formatNumber(n)).toBe(text));

  it.each([
    [1_234_567, "1.2M"],
    [999, "999"],
    [12_345_678_901, "12.3B"],
    [-45_000, "-45K"],
  ])("formatCompact(%s) → %s", (n, text) => expect(formatCompact(n)).toBe(text));

  it.each([
    [0.25, "25%"],
    [0.125, "12.5%"],
    [0, "0%"],
    [-0.05, "-5%"],
    [12.5, "1,250%"],
  ])("formatShare(%s) → %s", (n, text) => expect(formatShare(n)).toBe(text));

  it.each([
    [87.5, "87.5%"],
    [66.66666, "66.7%"],
    [100, "100%"],
  ])("formatPercent(%s) → %s", (n, text) => expect(formatPercent(n)).toBe(text));

  it("a pass rate of no cases is —", () => {
    expect(formatPassRate(2, 3)).toBe("66.7%");
    expect(formatPassRate(0, 3)).toBe("0%");
    expect(formatPassRate(0, 0)).toBe("—");
  });

  it("durations in seconds", () => {
    expect(formatSeconds(1234)).toBe("1.2 s");
    expect(formatSeconds(1234, 2)).toBe("1.23 s");
    expect(formatSeconds(0)).toBe("0.0 s");
  });

  it("never prints NaN or ∞", () => {
    for (const n of NOT_FINITE) {
      for (const f of [formatCount, formatNumber, formatCompact, formatShare, formatPercent, formatSeconds]) expect(f(n)).toBe("—");
    }
  });
});

describe("weekly report figures and their change", () => {
  it.each([
    [1.2, "$", "$1.20"], // money to the cent
    [0.0135, "$", "$0.01"], // an amount is to the cent, however small
    [0.0135, "$/task", "$0.0135"], // a cost per task keeps its digits
    [1234.5, "$/task", "$1,234.50"],
    [45, "%", "45%"],
    [0.021, "ratio", "2.1%"],
    [1234.4, "", "1,234"],
    [null, "$", "—"],
    [Number.NaN, "", "—"],
    [Number.POSITIVE_INFINITY, "$", "—"],
  ])("formatFigure(%s, %j) → %s", (v, unit, text) => expect(formatFigure(v, unit)).toBe(text));

  it.each([
    [12, 4, "", "+200.0%"],
    [3, 4, "", "-25.0%"],
    [4, 4, "", "+0.0%"],
    [5, 0, "", "new"],
    [0, 0, "", "0%"],
    [45, 40, "%", "+5.0 pts"],
    [40, 45.25, "%", "-5.3 pts"],
    [0.021, 0.0105, "ratio", "+1.1 pts"], // a rate's change is in points, not percent
    [0.01, 0.042, "ratio", "-3.2 pts"],
    [0.5, 0.5, "ratio", "+0.0 pts"],
    [-2, 4, "", "-150.0%"],
    [2, -4, "", "+150.0%"],
    [null, 4, "", "—"],
    [4, null, "", "—"],
    [Number.NaN, 4, "", "—"],
    [4, Number.POSITIVE_INFINITY, "", "—"],
  ])("formatChange(%s, %s, %j) → %s", (v, before, unit, text) => expect(formatChange(v, before, unit)).toBe(text));

  it("ROI as a percentage, a day as '17 Nov'", () => {
    expect(formatRoi(2.4)).toBe("240%");
    expect(formatRoi(-0.254)).toBe("-25%");
    expect(formatRoi(null)).toBe("—");
    expect(formatDay("2026-11-17")).toBe("17 Nov");
    expect(formatDay("2026-03-01")).toBe("1 Mar");
    expect(formatDay("not a day")).toBe("not a day");
  });
});

describe("dates, in UTC", () => {
  const d = new Date("2026-03-09T23:30:05Z");
  it("formats the UTC calendar day, whatever the machine's zone", () => {
    expect(formatDayMonth(d)).toBe("9 Mar");
    expect(formatDate(d)).toBe("9 Mar 2026");
    expect(formatDateTime(d)).toBe("9 Mar 2026, 23:30:05 UTC");
  });
  it("an invalid or missing date is —", () => {
    for (const x of [new Date(Number.NaN), null, undefined]) {
      expect(formatDate(x)).toBe("—");
      expect(formatDateTime(x)).toBe("—");
      expect(formatDayMonth(x)).toBe("—");
    }
  });
});
