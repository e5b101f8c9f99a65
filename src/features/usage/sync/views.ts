import type { EndpointState } from "@/domain/sync";

import type { SyncEndpointKey } from "./endpoints";

/** A sync as the page shows it (JSON-safe: the status route returns it as is). */
export interface UsageSyncView {
  id: string;
  trigger: "MANUAL" | "SCHEDULED";
  /** A RUNNING sync whose heartbeat went stale shows as FAILED (it is settled so when resumed or when the next starts). */
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  from: string;
  to: string;
  pages: number;
  records: number;
  inserted: number;
  error: string | null;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  endpoints: {
    key: SyncEndpointKey;
    label: string;
    state: EndpointState;
    day: string | null;
    pages: number;
    events: number;
    inserted: number;
    note: string | null;
    error: string | null;
  }[];
}
