import { ANTHROPIC_FAKE_KEY, ANTHROPIC_PORT, APP_PORT, IDP_PORT, OIDC } from "../../playwright.config";
import { startFakeAnthropic } from "../support/fake-anthropic";
import { startTestIdp } from "../support/oidc-provider";

/** Starts the test OpenID Connect provider and the fake Anthropic API for the whole run; returns their teardown. */
export default async function globalSetup() {
  const idp = await startTestIdp({
    port: IDP_PORT,
    clientId: OIDC.clientId,
    clientSecret: OIDC.clientSecret,
    redirectUris: [`http://localhost:${APP_PORT}/api/auth/callback/oidc`],
  });
  const anthropic = await startFakeAnthropic({ port: ANTHROPIC_PORT, apiKey: ANTHROPIC_FAKE_KEY });
  return async () => {
    await idp.close();
    await anthropic.close();
  };
}
