/** Dates in Gatehouse are calendar dates stored at UTC midnight: always format them in UTC. */
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export const formatDayMonth = (d: Date) => dayMonth.format(d);
export const formatDate = (d: Date) => dayMonthYear.format(d);
export const formatDateTime = (d: Date) => dateTime.format(d);
