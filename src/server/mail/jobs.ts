import { z } from "zod";

import { defineJob } from "../jobs/define";
import { deliverEmail, markEmailFailed } from "./deliver";

/**
 * Sends one outbox email. While the SMTP server is down each attempt fails and the job waits longer
 * (10 s, 20 s, 40 s … up to an hour; about 12 hours in all) before it gives up and the email is marked
 * FAILED with the last error; retrying the job from the Jobs page sends it then.
 */
export const deliverEmailJob = defineJob({
  name: "mail.deliver",
  schema: z.object({ outboxId: z.string().uuid() }),
  retries: 20,
  backoff: { baseMs: 10_000, maxMs: 60 * 60_000, factor: 2 },
  handler: async ({ outboxId }) => {
    await deliverEmail(outboxId);
  },
  onFailed: async (tx, { outboxId }, info) => markEmailFailed(outboxId, info.error, tx),
});
