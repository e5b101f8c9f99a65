import { APP_PORT, IDP_PORT, OIDC } from "../../playwright.config";
import { startTestIdp } from "../support/oidc-provider";

/** Starts the test OpenID Connect provider for the whole run; returns its teardown. */
export default async function globalSetup() {
  const idp = await startTestIdp({
    port: IDP_PORT,
    clientId: OIDC.clientId,
    clientSecret: OIDC.clientSecret,
    redirectUris: [`http://localhost:${APP_PORT}/api/auth/callback/oidc`],
  });
  return () => idp.close();
}
