/** Chart colours of the cost model (a plain module: server pages pass them to the client chart). */
export const COST_COLORS = {
  tokens: "#1f5fbf",
  seats: "#0f766e",
  people: "#b45309",
} as const;

/** The kinds of token, for charts that split an API cost. */
export const TOKEN_COLORS = {
  uncachedInput: "#1f5fbf",
  cacheWrite: "#7c3aed",
  cacheRead: "#0891b2",
  output: "#0f2c57",
} as const;
