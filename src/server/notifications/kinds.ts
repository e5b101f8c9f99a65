/**
 * Notification kinds. Each feature defines its own (`src/features/<f>/notifications.ts`) with
 * `defineNotificationKind` and passes the kind to `notify()`; src/server never imports a feature. The
 * list of every kind (for the preferences page) is assembled in the composition root
 * `src/notification-kinds.ts`.
 */

export const DELIVERIES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Readonly<Record<Delivery, string>> = {
  IMMEDIATE: "Email immediately",
  DIGEST: "In the daily digest",
  OFF: "No email",
};

/** "feature.what-happened": lower-case words, one dot. */
export const KIND_KEY_PATTERN = /^[a-z][a-z0-9-]{0,40}\.[a-z][a-z0-9-]{0,60}$/;

export interface NotificationKind {
  /** Stable key stored with notifications and preferences, e.g. "gates.review-open". */
  key: string;
  /** What a person turns on or off, in their words: "A gate is open for your sign-off". */
  label: string;
  /** Who gets it and when, for the preferences page. */
  description: string;
  /** Email delivery for someone who has not chosen (the in-app notification is always written). */
  defaultDelivery: Delivery;
}

export function defineNotificationKind(kind: NotificationKind): NotificationKind {
  if (!KIND_KEY_PATTERN.test(kind.key)) throw new Error(`Notification kind key "${kind.key}" must look like "feature.what-happened".`);
  return Object.freeze({ ...kind });
}

/** Checks a catalog of kinds: unique keys. Returns it, keyed. */
export function kindCatalog(kinds: readonly NotificationKind[]): ReadonlyMap<string, NotificationKind> {
  const map = new Map<string, NotificationKind>();
  for (const k of kinds) {
    if (map.has(k.key)) throw new Error(`Notification kind "${k.key}" is defined twice.`);
    map.set(k.key, k);
  }
  return map;
}

/**
 * The kinds this process knows, registered by the composition root (src/notifications.ts) so that code
 * in src/server (the digest) can name a kind it did not define. On globalThis, as the job registry is.
 */
const globals = globalThis as unknown as { __gatehouseNotificationKinds?: Map<string, NotificationKind> };
const registry: Map<string, NotificationKind> = (globals.__gatehouseNotificationKinds ??= new Map());

export function registerNotificationKinds(...kinds: NotificationKind[]): void {
  for (const k of kinds) registry.set(k.key, k);
}

export function registeredKind(key: string): NotificationKind | undefined {
  return registry.get(key);
}
