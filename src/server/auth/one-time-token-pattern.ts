/** A one-time link's token: 32 random bytes as base64url. Pure (the browser's forms use it too). */
export const ONE_TIME_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
