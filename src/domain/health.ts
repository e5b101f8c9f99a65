/**
 * The playbook's health signals, computed from measured usage. Each says on track, in trouble, watch
 * (not decided yet) or not tracked yet, with its reason and whether the figure is measured.
 */
export type SignalStatus = "ON_TRACK" | "IN_TROUBLE" | "WATCH" | "NOT_TRACKED";

export interface HealthSignal {
  key: string;
  label: string;
  status: SignalStatus;
  reason: string;
  basis: "measured" | "not tracked";
}

export interface HealthInput {
  today: Date;
  launchedAt: Date | null;
  licensedSeats: number;
  /** Daily series, oldest first: 28-day active people, tasks and cost. */
  series: readonly { day: string; active28: number; tasks: number; costUsd: number }[];
  /** Where the active-user counts come from, when not per-person usage events ("Claude Enterprise analytics summaries"). */
  adoptionSource?: string;
  /** The days of that source (oldest first), when they are not every day of `series`: adoption and reverting read these. */
  adoptionSeries?: HealthInput["series"];
  /** When the sponsor reviewed weekly reports, newest first. */
  sponsorReviews?: readonly Date[];
}

const DAY = 86_400_000;
const pct = (n: number, seats: number) => (seats > 0 ? (n / seats) * 100 : 0);
const fmt = (n: number) => `${Math.round(n * 10) / 10}%`;

const from = (i: HealthInput) => (i.adoptionSource ? ` (from ${i.adoptionSource})` : "");

function adoption(i: HealthInput): HealthSignal {
  const s = adoptionBySeats({ ...i, series: i.adoptionSeries ?? i.series });
  return s.status === "WATCH" && s.reason.startsWith("No usage") ? s : { ...s, reason: s.reason.replace(/\.?$/, `${from(i)}.`) };
}

function adoptionBySeats(i: HealthInput): HealthSignal {
  const label = "Active users against licensed seats (28-day)";
  const last = i.series[i.series.length - 1];
  if (!last) return { key: "adoption", label, status: "WATCH", reason: "No usage data has arrived yet.", basis: "measured" };
  const now = pct(last.active28, i.licensedSeats);
  if (!i.launchedAt)
    return {
      key: "adoption",
      label,
      status: "WATCH",
      reason: `${fmt(now)} of seats active; the 60%/30% test applies from launch.`,
      basis: "measured",
    };
  const days = Math.floor((i.today.getTime() - i.launchedAt.getTime()) / DAY);
  if (now >= 60)
    return {
      key: "adoption",
      label,
      status: "ON_TRACK",
      reason: `${fmt(now)} of licensed seats active${days <= 60 ? ` ${days} days after launch` : ""}: the playbook's 60% line is met.`,
      basis: "measured",
    };
  if (days >= 60 && now < 30)
    return {
      key: "adoption",
      label,
      status: "IN_TROUBLE",
      reason: `${fmt(now)} of licensed seats active ${days} days after launch: below the playbook's 30% at day 60.`,
      basis: "measured",
    };
  if (days >= 60)
    return {
      key: "adoption",
      label,
      status: "IN_TROUBLE",
      reason: `${fmt(now)} of licensed seats active ${days} days after launch: 60% was due by day 60.`,
      basis: "measured",
    };
  return {
    key: "adoption",
    label,
    status: "WATCH",
    reason: `${fmt(now)} of licensed seats active, day ${days} after launch: 60% is due by day 60.`,
    basis: "measured",
  };
}

function costPerTask(i: HealthInput): HealthSignal {
  const label = "Cost per task";
  const window = (from: number, to: number) => {
    const rows = i.series.slice(Math.max(0, i.series.length - to), i.series.length - from);
    const tasks = rows.reduce((t, r) => t + r.tasks, 0);
    const cost = rows.reduce((t, r) => t + r.costUsd, 0);
    return tasks > 0 ? cost / tasks : null;
  };
  const recent = window(0, 14);
  const before = window(14, 28);
  if (recent === null || before === null || i.series.length < 28)
    return {
      key: "cost-per-task",
      label,
      status: "WATCH",
      reason: "Needs four weeks of usage with tasks to show a trend.",
      basis: "measured",
    };
  const change = ((recent - before) / before) * 100;
  if (change < 0)
    return {
      key: "cost-per-task",
      label,
      status: "ON_TRACK",
      reason: `Down ${fmt(-change)} over the last two weeks ($${recent.toFixed(4)} from $${before.toFixed(4)}).`,
      basis: "measured",
    };
  return {
    key: "cost-per-task",
    label,
    status: change > 10 ? "IN_TROUBLE" : "WATCH",
    reason: `Up ${fmt(change)} over the last two weeks ($${recent.toFixed(4)} from $${before.toFixed(4)}): it should fall as prompts improve.`,
    basis: "measured",
  };
}

function reverting(i: HealthInput): HealthSignal {
  const s = revertingFromPeak({ ...i, series: i.adoptionSeries ?? i.series });
  return s.reason.startsWith("No usage") ? s : { ...s, reason: s.reason.replace(/\.?$/, `${from(i)}.`) };
}

function revertingFromPeak(i: HealthInput): HealthSignal {
  const label = "Users falling back to old tools";
  const peak = i.series.reduce((m, r) => Math.max(m, r.active28), 0);
  const last = i.series[i.series.length - 1];
  if (!last || peak === 0) return { key: "reverting", label, status: "WATCH", reason: "No usage data has arrived yet.", basis: "measured" };
  const drop = ((peak - last.active28) / peak) * 100;
  if (drop >= 20)
    return {
      key: "reverting",
      label,
      status: "IN_TROUBLE",
      reason: `28-day active users are ${fmt(drop)} below their peak of ${peak}.`,
      basis: "measured",
    };
  return {
    key: "reverting",
    label,
    status: "ON_TRACK",
    reason: drop > 0 ? `28-day active users are ${fmt(drop)} below their peak of ${peak}.` : "28-day active users are at their peak.",
    basis: "measured",
  };
}

function sponsorReviews(i: HealthInput): HealthSignal {
  const label = "Sponsor reviews happening";
  if (!i.sponsorReviews) return notTracked("sponsor-review", label, "arrives with the weekly sponsor report");
  const last = i.sponsorReviews[0];
  const lastDay = last ? Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate()) : null;
  const ago = lastDay !== null ? Math.round((i.today.getTime() - lastDay) / DAY) : null;
  if (ago !== null && ago <= 14)
    return {
      key: "sponsor-review",
      label,
      status: "ON_TRACK",
      reason: `The sponsor reviewed a weekly report ${ago === 0 ? "today" : `${ago} days ago`}.`,
      basis: "measured",
    };
  if (i.launchedAt && (!last || last.getTime() < i.launchedAt.getTime()))
    return { key: "sponsor-review", label, status: "IN_TROUBLE", reason: "No sponsor review since launch.", basis: "measured" };
  return {
    key: "sponsor-review",
    label,
    status: "WATCH",
    reason: last ? `The last sponsor review was ${ago} days ago.` : "No weekly report has been reviewed by the sponsor yet.",
    basis: "measured",
  };
}

const notTracked = (key: string, label: string, what: string): HealthSignal => ({
  key,
  label,
  status: "NOT_TRACKED",
  reason: `Not tracked yet: ${what}.`,
  basis: "not tracked",
});

export function healthSignals(i: HealthInput): HealthSignal[] {
  return [
    adoption(i),
    costPerTask(i),
    reverting(i),
    sponsorReviews(i),
    notTracked("integrations", "Integrations erroring without a fix date", "arrives with integration (MCP connector) health"),
    notTracked("tickets", "Support tickets without an owner", "arrives with support tickets"),
    notTracked("demand", "Other departments asking for access", "arrives with access requests"),
  ];
}
