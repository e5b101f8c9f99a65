import { APIConnectionTimeoutError, InternalServerError } from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createMessage, MESSAGE_TIMEOUT, messageTimeoutMs, sendMessage, type ClaudeConfig } from "@/server/claude/client";

import { startFakeAnthropic, type FakeAnthropic } from "../support/fake-anthropic";

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const messageRequests = () => fake.requests.filter((r) => r.path === "/v1/messages").length;
/** The production scale shrunk a thousandfold in time, so a test shows the scaling without waiting minutes. */
const SCALE = { baseMs: 150, perThousandOutputTokensMs: 150, maxNonStreamedMs: 5_000, maxMs: 60_000 };
/** The same, with calls allowed more than 500 ms streamed (in production: more than 280 s). */
const STREAMED = { ...SCALE, maxNonStreamedMs: 500 };
const config = (): ClaudeConfig => ({ apiKey: fake.apiKey, baseURL: fake.url, timeoutScale: SCALE });
const input = (maxTokens: number) => ({ model: "claude-sonnet-5-5", user: "Write the long report.", maxTokens });

describe("the time a Claude call may take", () => {
  it("grows with max_tokens: 30 s plus 30 s per 1,000 output tokens; beyond 280 s the call is streamed", () => {
    expect(messageTimeoutMs(1024)).toBe(30_000 + 30_720);
    expect(messageTimeoutMs(8_000)).toBe(270_000);
    expect(messageTimeoutMs(64_000)).toBe(30_000 + 1_920_000);
    expect(MESSAGE_TIMEOUT.maxNonStreamedMs).toBeLessThan(300_000); // Node's fetch stops waiting for headers at 300 s
  });

  it("lets a slow long generation finish within its scaled time, where a short one would have timed out", async () => {
    // 8,000 output tokens → 150 ms + 1,200 ms: a reply after 700 ms arrives in time.
    fake.delayNext(700);
    const before = messageRequests();
    const long = await sendMessage(config(), input(8_000));
    expect(long.text).toBe("Reply to: Write the long report.");
    expect(messageRequests() - before).toBe(1);

    // 100 output tokens → 165 ms: the same slow reply is a timeout.
    fake.delayNext(700);
    await expect(sendMessage(config(), input(100))).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("never retries a request that timed out (it may still be generating and billed), and says so plainly", async () => {
    fake.delayNext(1_000, 3);
    const before = messageRequests();
    await expect(sendMessage({ ...config(), maxRetries: 2 }, input(100))).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    expect(messageRequests() - before).toBe(1);

    await expect(createMessage({ ...config(), maxRetries: 2 }, input(100), { task: "draft the narrative" })).rejects.toThrow(
      "The Anthropic API did not answer in time. Try again later.",
    );
    expect(messageRequests() - before).toBe(2);
  });

  it("still retries what the API refused before any work: 529 overloaded, 429 with retry-after, 500", async () => {
    fake.failNext({ status: 529 }, 2);
    let before = messageRequests();
    expect((await sendMessage(config(), input(200))).text).toBe("Reply to: Write the long report.");
    expect(messageRequests() - before).toBe(3);

    fake.failNext({ status: 429, retryAfterMs: 20 });
    fake.failNext({ status: 500 });
    before = messageRequests();
    await sendMessage(config(), input(200));
    expect(messageRequests() - before).toBe(3);

    // At most maxRetries retries: three 529s with two retries fail with the API's error.
    fake.failNext({ status: 529 }, 3);
    before = messageRequests();
    await expect(sendMessage(config(), input(200))).rejects.toBeInstanceOf(InternalServerError);
    expect(messageRequests() - before).toBe(3);
  });

  it("streams a generation allowed longer than a non-streamed call may wait: slow, it finishes within its allowance; past it, it is a timeout, not retried", async () => {
    const reply = "The long report. ".repeat(30); // 510 characters: 13 deltas
    fake.replyWhen("Write the long report.", reply);
    const cfg = { ...config(), timeoutScale: STREAMED };
    // 8,000 output tokens → 1,350 ms, more than the 500 ms a non-streamed call may wait: streamed, 17 events 40 ms apart.
    fake.paceNext(40);
    let before = fake.requests.length;
    const long = await sendMessage(cfg, input(8_000));
    expect(long).toMatchObject({ text: reply, stopReason: "end_turn", usage: { outputTokens: 128 } });
    expect(long.requestId).toMatch(/^req_fake_/);
    expect(fake.requests.slice(before).map((r) => (r.body as { stream?: boolean }).stream)).toEqual([true]);

    // The same reply at 200 ms an event (about 3.4 s) passes its deadline: a timeout, sent once.
    fake.paceNext(200, 3);
    before = messageRequests();
    await expect(sendMessage({ ...cfg, maxRetries: 2 }, input(8_000))).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    expect(messageRequests() - before).toBe(1);

    // Refused before it started (529): retried, then streamed.
    fake.reset();
    fake.failNext({ status: 529 });
    before = messageRequests();
    expect((await sendMessage(cfg, input(8_000))).text).toBe("Reply to: Write the long report.");
    expect(messageRequests() - before).toBe(2);
  });
});
