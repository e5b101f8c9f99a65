/** What a feature's demo seed gets: the programme, its members by email, and its calendar. */
export interface DemoSeedContext {
  programmeId: string;
  slug: "acme" | "globex";
  /** Membership id by demo account email (pm@acme.test, sponsor@acme.test, …). */
  member: Map<string, string>;
  /** The date of programme day N (Day 1 = start date), UTC midnight. */
  dayDate: (day: number) => Date;
  /** Today's programme day. */
  day: number;
}
