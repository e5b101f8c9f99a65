import { z } from "zod";

export const createCalendarLinkSchema = z.object({ programmeSlug: z.string().min(1) });
