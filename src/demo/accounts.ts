import type { ReviewFunction, Role } from "@/domain/enums";

export const DEMO_PASSWORD = "gatehouse-demo";

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  functions: ReviewFunction[];
  description: string;
}

/** One demo user per role, members of both demo programmes. Only ever in the embedded demo database (or after `cli seed-demo`). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "pm@acme.test", name: "Priya Shah", roles: ["PROGRAMME_MANAGER"], functions: [], description: "programme manager" },
  {
    email: "sponsor@acme.test",
    name: "Daniel Okafor",
    roles: ["SPONSOR", "GATE_REVIEWER"],
    functions: ["BUSINESS"],
    description: "executive sponsor (signs as Business sponsor)",
  },
  {
    email: "security@acme.test",
    name: "Marcus Chen",
    roles: ["GATE_REVIEWER"],
    functions: ["SECURITY"],
    description: "gate reviewer — Security",
  },
  {
    email: "legal@acme.test",
    name: "Elena Rossi",
    roles: ["GATE_REVIEWER"],
    functions: ["LEGAL_PRIVACY"],
    description: "gate reviewer — Legal/Privacy",
  },
  { email: "it@acme.test", name: "Tom Becker", roles: ["GATE_REVIEWER"], functions: ["IT"], description: "gate reviewer — IT" },
  {
    email: "engineering@acme.test",
    name: "Aisha Rahman",
    roles: ["GATE_REVIEWER"],
    functions: ["ENGINEERING"],
    description: "gate reviewer — Engineering",
  },
  { email: "owner@acme.test", name: "Sam Lee", roles: ["WORKFLOW_OWNER"], functions: [], description: "workflow owner" },
  { email: "viewer@acme.test", name: "Grace Kim", roles: ["VIEWER"], functions: [], description: "viewer (read only)" },
];
