import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET } from "@/app/api/v1/calendar/[token]/route";
import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { createCalendarLink } from "@/features/calendar/server/create-calendar-link";
import { removeMember } from "@/features/members/server/remove-member";
import { NotFoundError } from "@/server/errors";

const fetchFeed = (token: string) =>
  GET(new NextRequest(`http://localhost:3000/api/v1/calendar/${token}.ics`), { params: Promise.resolve({ token: `${token}.ics` }) });

describe("calendar feed", () => {
  it("serves gate dates and milestone due dates behind a member's secret URL", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { startDate: "2026-01-05" });
    const { token } = await createCalendarLink(pm, { programmeSlug: p.slug });
    const res = await fetchFeed(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const ics = await res.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("SUMMARY:Gate: Architecture Review");
    expect(ics).toContain("DTSTART;VALUE=DATE:20260203");
    expect(ics).toMatch(/SUMMARY:Week 13: /);
  });

  it("an unknown token, a replaced token, or a removed member's token finds nothing", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const viewer = await makeUser();
    const { membershipId } = await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    const first = await createCalendarLink(viewer, { programmeSlug: p.slug });
    const second = await createCalendarLink(viewer, { programmeSlug: p.slug });
    expect((await fetchFeed(first.token)).status).toBe(404);
    expect((await fetchFeed(second.token)).status).toBe(200);
    expect((await fetchFeed("cal_" + "0".repeat(32))).status).toBe(404);
    await removeMember(pm, { programmeSlug: p.slug, membershipId });
    expect((await fetchFeed(second.token)).status).toBe(404);
    await expect(createCalendarLink(viewer, { programmeSlug: p.slug })).rejects.toBeInstanceOf(NotFoundError);
  });
});
