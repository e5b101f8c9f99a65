/** The cookie the proxy gives every browser: a random id, so a browser that signed in before is recognised (decision record 019). */
export const DEVICE_COOKIE = "gatehouse-device";
