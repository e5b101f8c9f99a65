/**
 * The 90-day programme template, version 1, drawn from the 90-day deployment playbook
 * (seeds/90-day-deployment-playbook.txt), with the ownership and parallel-review lessons of the
 * adoption-arc seed.
 *
 * Calendar (programme days, Day 1 = start date; week W = days 7W-6 .. 7W):
 *
 *   Phase 1 Discovery & Architecture  days  1-30   weeks 1-4 (+ days 29-30 of week 5)
 *     Architecture Review             day  30     closes DISCOVERY, opens PILOT
 *   Phase 2 Controlled Pilot          days 31-60   pilot live from day 31, so 30 days by day 60
 *     Pilot Debrief                   day  60     closes PILOT, opens ROLLOUT
 *   Phase 3 Staged Production Rollout days 61-90
 *     weeks 9-10 production hardening (readiness checklist items)
 *     Production Readiness Review     day  70     (end of week 10) before any production cohort
 *     week 11 cohort 1 (pilot group on production) -> week 12 cohort 2 (early adopters)
 *     -> week 13 cohort 3 (full rollout) = launch, day 90
 *   Post-launch governance            day  91 -
 *     30-Day Post-Launch Review       day 120     (30 days after launch at day 90)
 *
 * Modelling of the Production Readiness Review: the playbook calls it "pre-launch" and puts its
 * checklist first in Phase 3, and says to document (and test) the rollback procedure "before you
 * deploy". Phase 3 *is* the staged rollout, so the review sits inside ROLLOUT, before the first
 * production cohort, not at its end: it does not close a phase (closesPhase: null). It guards the
 * start of GOVERNANCE (opensPhase: "GOVERNANCE"): the programme cannot reach post-launch governance
 * without passing production readiness, and this keeps the rule "every phase after the first starts
 * only through its gate" uniform. Approval *permits* GOVERNANCE; the phase starts at launch (day 91
 * in the plan), not at approval. That production cohorts may go live only after this gate is the
 * cohort feature's rule. The 30-Day Post-Launch Review neither closes nor opens a phase.
 */
import type { GateTemplate, MilestoneTemplate, PhaseTemplate, ProgrammeTemplate, RiskTemplate, StakeholderTemplate } from "./types";

const phases: readonly PhaseTemplate[] = [
  {
    key: "DISCOVERY",
    ordinal: 1,
    name: "Discovery & Architecture",
    startDay: 1,
    endDay: 30,
    summary:
      "Not about building anything: make the decisions that determine whether the deployment succeeds. " +
      "Force-rank the top 3 use cases, write the Architecture Decision Record, complete the security and " +
      "compliance review, map every stakeholder who can block, draft the acceptable use policy, and get the " +
      "cost model and budget signed off.",
  },
  {
    key: "PILOT",
    ordinal: 2,
    name: "Controlled Pilot",
    startDay: 31,
    endDay: 60,
    summary:
      "Not a demo: a real deployment to a small, controlled user group (typically 20-50 users for a Cowork " +
      "deployment, or a bounded production traffic percentage for API-based systems) to validate the " +
      "architecture under real conditions, collect user feedback, and identify the gaps before scaling.",
  },
  {
    key: "ROLLOUT",
    ordinal: 3,
    name: "Staged Production Rollout",
    startDay: 61,
    endDay: 90,
    summary:
      "Staged, not a big-bang launch: formal production readiness sign-off, then successive cohorts with " +
      "monitoring gates between each (pilot group → early adopters → full rollout, or 5% → 20% → 100% of " +
      "traffic with automated rollback triggers at each stage).",
  },
  {
    key: "GOVERNANCE",
    ordinal: 4,
    name: "Post-launch governance",
    startDay: 91,
    endDay: null,
    summary:
      "Reaching production is Day 1, not the finish line: a quarterly access review, a monthly cost and " +
      "usage review, an incident response process, a defined process for adding new use cases, and the " +
      "success metrics dashboard shared weekly with the executive sponsor for the first 90 days post-launch.",
  },
];

const gates: readonly GateTemplate[] = [
  {
    key: "ARCHITECTURE_REVIEW",
    ordinal: 1,
    name: "Architecture Review",
    purpose:
      "Formal review with representatives from Engineering, Security, Legal and the business sponsor that " +
      "approves the Architecture Decision Record before the pilot begins. Not a rubber stamp: if Security or " +
      "Legal has objections, resolve them before the pilot begins.",
    plannedDay: 30,
    closesPhase: "DISCOVERY",
    opensPhase: "PILOT",
    requiredFunctions: ["ENGINEERING", "SECURITY", "LEGAL_PRIVACY", "BUSINESS"],
    criteria: [
      {
        title: "Architecture Decision Record accepted",
        guidance:
          "Link the accepted Architecture Decision Record: which Claude product (API, Cowork, Code), which " +
          "models per use case (Opus, Sonnet, Haiku), data flow diagrams, integration points and failure modes.",
      },
      {
        title: "Top 3 use cases force-ranked with success criteria",
        guidance:
          "Link the use-case ranking by business value and implementation complexity; each of the top three " +
          "has success criteria and a business sponsor.",
      },
      {
        title: "Vendor security questionnaire complete",
        guidance: "Attach Anthropic's completed vendor security questionnaire and Security's review of it.",
      },
      {
        title: "Data residency mapped to cloud availability",
        guidance: "Link the mapping of data residency requirements to Claude's cloud availability (AWS, Google Cloud, Azure).",
      },
      {
        title: "Regulated data types identified",
        guidance: "List the regulated data types in scope and the special handling each requires, or record that there are none.",
      },
      {
        title: "Pilot access approved by Security",
        guidance:
          "Security has reviewed data handling, API key management, audit logging and model access controls, " +
          "and pilot API keys or seats are provisioned.",
      },
      {
        title: "Stakeholder map complete with owners",
        guidance:
          "Every role that can block the deployment (Procurement, Legal, IT Security, Privacy, HR for " +
          "employee-facing tools, the business sponsor) has a named person, a relationship owner and an engagement plan.",
      },
      {
        title: "HR engaged for employee-facing deployments",
        guidance:
          "Record HR's review of data retention and audit logging scope; waive with a reason if the deployment " +
          "is not employee-facing.",
      },
      {
        title: "Acceptable use policy published",
        guidance:
          "Link the published version of the AI acceptable use policy: employees know what they can and cannot " +
          "do with Claude before the pilot starts, not after the first incident.",
      },
      {
        title: "Usage monitoring in place",
        guidance:
          "Show usage data arriving (active users, session duration, task completion rates, error rates, API " +
          "costs) before the first pilot user touches Claude.",
      },
      {
        title: "Cost model and budget signed off",
        guidance:
          "Link the cost model (API tokens at expected volumes and/or per-seat licences at projected headcount, " +
          "plus engineering time, change management and ongoing support) and the budget approval.",
      },
      {
        title: "Vendor onboarding under way",
        guidance: "Show that Anthropic vendor onboarding with Procurement started in week 1 and its expected completion date.",
      },
    ],
  },
  {
    key: "PILOT_DEBRIEF",
    ordinal: 2,
    name: "Pilot Debrief",
    purpose:
      "After 30 days of pilot operation, present the pilot's evidence to stakeholders and produce a formal " +
      "Go / Conditional go / No-go recommendation. A conditional go (proceed with specific changes) is fine; " +
      "ignoring the findings and proceeding anyway is not.",
    plannedDay: 60,
    closesPhase: "PILOT",
    opensPhase: "ROLLOUT",
    requiredFunctions: ["BUSINESS", "ENGINEERING", "SECURITY", "IT"],
    criteria: [
      {
        title: "Pilot ran at least 30 days",
        guidance: "The pilot's start date shows at least the programme's minimum pilot days (default 30) of real use.",
      },
      {
        title: "Usage data presented",
        guidance:
          "Link the pilot usage report: active users, session duration, task completion rates, error rates and " +
          "API costs, measured rather than estimated.",
      },
      {
        title: "User satisfaction scores collected",
        guidance:
          "Link the pilot satisfaction survey and the weekly check-in notes: what's working, what's not, what's " +
          "missing and what's surprising.",
      },
      {
        title: "Observed ROI reported",
        guidance:
          "Show time saved and cost per task against each use case's success criteria, stating what is measured, " +
          "self-reported or estimated.",
      },
      {
        title: "Identified risks reviewed",
        guidance: "The risk register includes the risks surfaced by the pilot, each with an owner and a mitigation.",
      },
      {
        title: "Architectural changes before scaling listed",
        guidance:
          "List the architectural changes needed before scaling, each with an owner (link superseding ADRs), or state there are none.",
      },
      {
        title: "MCP integrations validated",
        guidance:
          "Each MCP connector tested under real usage with production credentials, including auth token expiry " +
          "and permission scopes; waive with a reason if the deployment has no MCP integrations.",
      },
      {
        title: "Model and prompt performance reviewed",
        guidance:
          "Prompt quality, response accuracy and model selection per use case reviewed against pilot data " +
          "(e.g. Opus for complex reasoning, Haiku for high-volume simple tasks).",
      },
      {
        title: "Go/No-Go recommendation written",
        guidance:
          "Record the recommendation: Go, Conditional go (each condition with an owner, to be closed before the " +
          "Production Readiness Review), or No-go.",
      },
    ],
  },
  {
    // Held inside ROLLOUT before the first production cohort; see the header comment.
    key: "PRODUCTION_READINESS",
    ordinal: 3,
    name: "Production Readiness Review",
    purpose:
      "Pre-launch formal sign-off from Security (penetration test or risk acceptance), Legal (DPA signed, " +
      "acceptable use policy published), IT (runbook documented, on-call support defined) and the business " +
      "sponsor (success metrics agreed) before the first production cohort goes live.",
    plannedDay: 70,
    closesPhase: null,
    opensPhase: "GOVERNANCE",
    requiredFunctions: ["SECURITY", "LEGAL_PRIVACY", "IT", "BUSINESS"],
    criteria: [
      {
        title: "Penetration test passed or risk accepted",
        guidance: "Link the penetration test report with findings closed, or the signed risk acceptance.",
      },
      {
        title: "Data processing agreement signed",
        guidance: "Link the signed data processing agreement with Anthropic.",
      },
      {
        title: "Acceptable use policy published",
        guidance: "Link the current published version of the AI acceptable use policy, updated with pilot findings.",
      },
      {
        title: "Runbook documented",
        guidance: "Link the operational runbook for the production deployment.",
      },
      {
        title: "On-call support defined",
        guidance: "Link the on-call rota and the hours it covers.",
      },
      {
        title: "Success metrics agreed",
        guidance:
          "The business sponsor has agreed the success metrics and their targets: active users, tasks completed, " +
          "time saved, cost per task and error rates.",
      },
      {
        title: "Success metrics dashboard live",
        guidance: "Link the live dashboard tracking the agreed success metrics, to be shared weekly with the executive sponsor.",
      },
      {
        title: "Rollback plan documented and tested",
        guidance:
          "Link the rollback procedure (who has the authority to trigger it, how long it takes) and the record of " +
          "its test in staging.",
      },
      {
        title: "Rollout cohorts defined",
        guidance:
          "Cohorts (pilot group → early adopters → full rollout, or 5% → 20% → 100% of traffic) each with entry " +
          "thresholds and rollback triggers.",
      },
      {
        title: "Change-management communications scheduled",
        guidance:
          "Each cohort is told 2 weeks before it goes live: what Claude does and doesn't do, the acceptable use " +
          "policy, how to get help, and who to contact if something goes wrong.",
      },
      {
        title: "Access control policy documented",
        guidance:
          "Link the access control policy: who gets access, which departments, which models, which MCP " +
          "integrations; role-based access implemented and a quarterly review scheduled.",
      },
      {
        title: "Support structure defined",
        guidance:
          "First-line support (internal helpdesk or champion network), second-line support (implementation team) " +
          "and the escalation path to Anthropic for platform issues are named.",
      },
      {
        title: "Pilot Debrief conditions closed",
        guidance: "Every condition of a Conditional go is closed with evidence; waive with a reason if the decision was Go.",
      },
    ],
  },
  {
    key: "POST_LAUNCH_REVIEW",
    ordinal: 4,
    name: "30-Day Post-Launch Review",
    purpose:
      "Thirty days after launch, confirm the operating governance model is running and read the signals: is " +
      "the deployment on track or in trouble?",
    plannedDay: 120,
    closesPhase: null,
    opensPhase: null,
    requiredFunctions: ["BUSINESS", "IT", "SECURITY"],
    criteria: [
      {
        title: "Adoption reviewed against licensed seats",
        guidance:
          "Active users as a share of licensed seats, on course for 60%+ within 60 days of launch (below 30% at " +
          "the 60-day mark is trouble); users reverting to old tools investigated.",
      },
      {
        title: "Weekly sponsor dashboard shared",
        guidance:
          "The success metrics dashboard has been shared with the executive sponsor every week since launch, and the sponsor has reviewed it.",
      },
      {
        title: "Monthly cost and usage review held",
        guidance: "Link the first monthly cost and usage review, including the cost per task trend and per-department budgets.",
      },
      {
        title: "Quarterly access review scheduled",
        guidance: "The first quarterly access review against the access control policy is scheduled with an owner.",
      },
      {
        title: "Incident response process in place",
        guidance: "Link the incident response process for Claude incidents, with owners and the escalation path to Anthropic.",
      },
      {
        title: "Process for adding new use cases defined",
        guidance: "Link the intake process for new use cases and access requests from other departments.",
      },
      {
        title: "Integration errors have fix dates",
        guidance: "Every erroring MCP integration has an owner and a fix date.",
      },
      {
        title: "Support tickets owned",
        guidance: "No open support ticket is without a resolution owner.",
      },
    ],
  },
];

const milestones: readonly MilestoneTemplate[] = [
  // Week 1 (days 1-7): start the long-lead streams in parallel.
  {
    week: 1,
    phase: "DISCOVERY",
    title: "Programme kick-off and owners named",
    deliverable:
      "Kick-off held with the executive sponsor; a named owner for the security review, data access decisions, " +
      "training design and the change management workstream.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 1,
    phase: "DISCOVERY",
    title: "Anthropic vendor onboarding started",
    deliverable: "Vendor onboarding request submitted to Procurement, with its expected completion date recorded.",
    suggestedOwner: "PROCUREMENT",
  },
  {
    week: 1,
    phase: "DISCOVERY",
    title: "CISO engaged",
    deliverable: "Security kick-off held; Anthropic's security documentation and SOC 2 reports sent to IT Security proactively.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 1,
    phase: "DISCOVERY",
    title: "Engineering has API access",
    deliverable: "The engineering lead has working API access for architecture spikes.",
    suggestedOwner: "ENGINEERING_LEAD",
  },
  // Week 2 (days 8-14)
  {
    week: 2,
    phase: "DISCOVERY",
    title: "Stakeholder map complete",
    deliverable: "Every role that can block the deployment has a named person, a relationship owner and an engagement plan.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 2,
    phase: "DISCOVERY",
    title: "Use case inventory scored",
    deliverable: "Every proposed use case scored on business value and implementation complexity.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  {
    week: 2,
    phase: "DISCOVERY",
    title: "Vendor security questionnaire completed",
    deliverable: "Anthropic's vendor security questionnaire completed and with Security for review.",
    suggestedOwner: "CISO_SECURITY",
  },
  {
    week: 2,
    phase: "DISCOVERY",
    title: "Legal, Privacy and HR briefed",
    deliverable:
      "Legal/Privacy briefed (DPA, GDPR/CCPA, training on company data, employee monitoring) and DPA negotiation " +
      "started; HR briefed on data retention and audit logging scope for employee-facing deployments.",
    suggestedOwner: "LEGAL_PRIVACY",
  },
  // Week 3 (days 15-21)
  {
    week: 3,
    phase: "DISCOVERY",
    title: "Top 3 use cases force-ranked",
    deliverable: "Top three use cases force-ranked, each with success criteria and a business sponsor.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  {
    week: 3,
    phase: "DISCOVERY",
    title: "Data residency and regulated data mapped",
    deliverable:
      "Data residency requirements mapped to Claude's cloud availability (AWS, Google Cloud, Azure); regulated " +
      "data types listed with the special handling each requires.",
    suggestedOwner: "CISO_SECURITY",
  },
  {
    week: 3,
    phase: "DISCOVERY",
    title: "Cost model drafted",
    deliverable:
      "Cost model of API token costs at expected volumes and/or per-seat licences at projected headcount, plus " +
      "engineering time, change management and ongoing support, submitted for budget approval.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 3,
    phase: "DISCOVERY",
    title: "Acceptable use policy drafted",
    deliverable: "Draft AI acceptable use policy circulated to Legal, Security and HR.",
    suggestedOwner: "LEGAL_PRIVACY",
  },
  // Week 4 (days 22-28)
  {
    week: 4,
    phase: "DISCOVERY",
    title: "Architecture Decision Record proposed",
    deliverable:
      "ADR (product, models per use case, data flows, integration points, failure modes) circulated to the " +
      "Architecture Review with the review pack.",
    suggestedOwner: "ENGINEERING_LEAD",
  },
  {
    week: 4,
    phase: "DISCOVERY",
    title: "Budget signed off",
    deliverable: "Budget approval for the cost model recorded.",
    suggestedOwner: "CIO_CTO",
  },
  {
    week: 4,
    phase: "DISCOVERY",
    title: "Acceptable use policy published",
    deliverable: "AI acceptable use policy published to employees before any pilot user starts.",
    suggestedOwner: "LEGAL_PRIVACY",
  },
  {
    week: 4,
    phase: "DISCOVERY",
    title: "Usage monitoring in place",
    deliverable: "Usage data arriving: active users, session duration, task completion rates, error rates and API costs.",
    suggestedOwner: "ENGINEERING_LEAD",
  },
  // Week 5 (days 29-35): the Architecture Review (day 30) and the pilot start (day 31).
  {
    week: 5,
    phase: "DISCOVERY",
    title: "Architecture Review approved",
    deliverable:
      "Architecture Review held with Engineering, Security, Legal and the business sponsor; ADR accepted and " +
      "every objection resolved.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 5,
    phase: "PILOT",
    title: "Pilot users selected and trained",
    deliverable:
      "Pilot users named (typically 20-50, motivated and representative, skeptics included) and structured " +
      "training held on the specific use cases with real examples and the acceptable use policy.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  {
    week: 5,
    phase: "PILOT",
    title: "Pilot live",
    deliverable: "All pilot users onboarded, with their usage visible in monitoring.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  // Week 6 (days 36-42)
  {
    week: 6,
    phase: "PILOT",
    title: "Weekly pilot check-ins running",
    deliverable: "Weekly check-ins held, capturing what's working, what's not, what's missing and what's surprising.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  {
    week: 6,
    phase: "PILOT",
    title: "MCP integrations tested with production credentials",
    deliverable: "Each MCP connector validated under real usage with production credentials, including token expiry and permission scopes.",
    suggestedOwner: "ENGINEERING_LEAD",
  },
  {
    week: 6,
    phase: "PILOT",
    title: "Weekly sponsor updates started",
    deliverable: "First weekly status update to the executive sponsor, connecting pilot metrics to the sponsor's KPIs.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  // Week 7 (days 43-49)
  {
    week: 7,
    phase: "PILOT",
    title: "Performance tuning pass",
    deliverable: "Prompt quality, response accuracy and model choice per use case reviewed against pilot data, with changes recorded.",
    suggestedOwner: "ENGINEERING_LEAD",
  },
  {
    week: 7,
    phase: "PILOT",
    title: "Mid-pilot adoption check",
    deliverable: "Active pilot users against the pilot group reviewed; inactive users followed up for barriers.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  {
    week: 7,
    phase: "PILOT",
    title: "Pilot risks reviewed",
    deliverable: "Risk register updated with risks surfaced in the pilot, each with an owner and a mitigation.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 7,
    phase: "PILOT",
    title: "Vendor onboarding complete",
    deliverable: "Anthropic onboarded as a supplier, with the agreement in place for production scale.",
    suggestedOwner: "PROCUREMENT",
  },
  // Week 8 (days 50-56): evidence for the debrief, and the long-lead readiness items.
  {
    week: 8,
    phase: "PILOT",
    title: "Pilot satisfaction and ROI measured",
    deliverable: "User satisfaction survey results and observed time saved and cost per task per use case.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  {
    week: 8,
    phase: "PILOT",
    title: "Pilot Debrief pack circulated",
    deliverable:
      "Usage data, satisfaction scores, observed ROI, identified risks and architectural changes needed before " +
      "scaling, sent to the debrief reviewers.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 8,
    phase: "PILOT",
    title: "Data processing agreement signed",
    deliverable: "Signed DPA with Anthropic on file.",
    suggestedOwner: "LEGAL_PRIVACY",
  },
  {
    week: 8,
    phase: "PILOT",
    title: "Penetration test complete or risk accepted",
    deliverable: "Penetration test report with findings tracked, or a signed risk acceptance.",
    suggestedOwner: "CISO_SECURITY",
  },
  // Week 9 (days 57-63): the Pilot Debrief (day 60), then production hardening.
  {
    week: 9,
    phase: "PILOT",
    title: "Pilot Debrief held",
    deliverable: "Formal Go / Conditional go / No-go recommendation recorded, with conditions and their owners.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 9,
    phase: "ROLLOUT",
    title: "Rollout cohorts defined",
    deliverable:
      "Cohorts (pilot group → early adopters → full rollout, or 5% → 20% → 100% of traffic) with entry thresholds " +
      "and rollback triggers; rollout plan communicated to the pilot group.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 9,
    phase: "ROLLOUT",
    title: "Runbook, on-call and support structure defined",
    deliverable:
      "Runbook documented; on-call rota; first-line (helpdesk or champion network), second-line and escalation " +
      "path to Anthropic named.",
    suggestedOwner: "CIO_CTO",
  },
  {
    week: 9,
    phase: "ROLLOUT",
    title: "Success metrics dashboard live",
    deliverable: "Live dashboard of the agreed success metrics: active users, tasks completed, time saved, cost per task, error rates.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  // Week 10 (days 64-70): the Production Readiness Review (day 70).
  {
    week: 10,
    phase: "ROLLOUT",
    title: "Rollback plan tested in staging",
    deliverable: "Rollback procedure documented (authority, time to roll back) and a successful test in staging recorded.",
    suggestedOwner: "ENGINEERING_LEAD",
  },
  {
    week: 10,
    phase: "ROLLOUT",
    title: "Access control policy documented",
    deliverable: "Role-based access implemented and documented: who, which departments, which models, which MCP integrations.",
    suggestedOwner: "CISO_SECURITY",
  },
  {
    week: 10,
    phase: "ROLLOUT",
    title: "Early adopters briefed",
    deliverable:
      "Change-management communication sent to the early-adopter cohort 2 weeks before go-live: what Claude does " +
      "and doesn't do, acceptable use policy, how to get help, who to contact.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  {
    week: 10,
    phase: "ROLLOUT",
    title: "Production Readiness Review approved",
    deliverable: "Sign-off from Security, Legal, IT and the business sponsor, with debrief conditions closed.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  // Week 11 (days 71-77)
  {
    week: 11,
    phase: "ROLLOUT",
    title: "Cohort 1 live: pilot group on production",
    deliverable: "Pilot group running on the production deployment, with monitoring against cohort thresholds.",
    suggestedOwner: "ENGINEERING_LEAD",
  },
  {
    week: 11,
    phase: "ROLLOUT",
    title: "Full-rollout population briefed",
    deliverable: "Change-management communication sent to the full-rollout cohort 2 weeks before go-live.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  {
    week: 11,
    phase: "ROLLOUT",
    title: "Champions network active",
    deliverable: "A named champion in each rollout department, serving as first-line support and sharing success stories.",
    suggestedOwner: "BUSINESS_UNIT_LEADER",
  },
  // Week 12 (days 78-84)
  {
    week: 12,
    phase: "ROLLOUT",
    title: "Cohort 2 live: early adopters",
    deliverable: "Early adopters live after cohort 1 met its thresholds; no rollback trigger breached.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 12,
    phase: "ROLLOUT",
    title: "Support tickets triaged with owners",
    deliverable: "Every open support ticket has a resolution owner; recurring issues fed back into training.",
    suggestedOwner: "CIO_CTO",
  },
  // Week 13 (days 85-91): launch on day 90.
  {
    week: 13,
    phase: "ROLLOUT",
    title: "Cohort 3 live: full rollout (launch)",
    deliverable: "Full rollout live after cohort 2 met its thresholds; launch date recorded.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 13,
    phase: "ROLLOUT",
    title: "Governance cadence scheduled",
    deliverable:
      "Quarterly access review, monthly cost and usage review, incident response process and the process for " +
      "adding new use cases in place, each with an owner; 30-Day Post-Launch Review booked.",
    suggestedOwner: "PROGRAMME_MANAGER",
  },
  {
    week: 13,
    phase: "ROLLOUT",
    title: "Weekly sponsor dashboard cadence agreed",
    deliverable: "Dashboard shared weekly with the executive sponsor for the first 90 days post-launch.",
    suggestedOwner: "CIO_CTO",
  },
];

/** The playbook's "Top 10 Deployment Risks and Mitigations" table; consequence and mitigation verbatim. */
const risks: readonly RiskTemplate[] = [
  {
    title: "Procurement delays exceeding planned timeline",
    probability: "HIGH",
    impact: "HIGH",
    consequence: "Schedule slip of 4-8 weeks",
    mitigation: "Start vendor onboarding in Week 1, not when you're ready to deploy",
  },
  {
    title: "Security review blocking API key provisioning",
    probability: "HIGH",
    impact: "HIGH",
    consequence: "Pilot cannot start",
    mitigation: "Engage CISO in Week 1; provide Anthropic security documentation proactively",
  },
  {
    title: "MCP integration auth failures in production",
    probability: "MEDIUM",
    impact: "HIGH",
    consequence: "Core features non-functional",
    mitigation: "Test MCP connections with production credentials in Phase 2, not Phase 3",
  },
  {
    title: "Low pilot adoption due to inadequate training",
    probability: "HIGH",
    impact: "MEDIUM",
    consequence: "Inconclusive pilot data",
    mitigation: "Mandatory onboarding sessions with real use case walkthroughs, not generic demos",
  },
  {
    title: "API costs exceeding budget at scale",
    probability: "MEDIUM",
    impact: "MEDIUM",
    consequence: "Deployment paused pending budget approval",
    mitigation: "Model token usage carefully in Phase 1; implement per-department cost budgets",
  },
  {
    title: "Data governance incident during pilot",
    probability: "LOW",
    impact: "HIGH",
    consequence: "Deployment suspended",
    mitigation: "Publish acceptable use policy before pilot; train users on what not to share with Claude",
  },
  {
    title: "Executive sponsor loses interest post-POC",
    probability: "MEDIUM",
    impact: "HIGH",
    consequence: "Deployment deprioritised",
    mitigation: "Weekly status updates with business metric progress; connect Claude outputs to sponsor's KPIs",
  },
  {
    title: "Engineering team underestimates integration complexity",
    probability: "HIGH",
    impact: "MEDIUM",
    consequence: "Phase 2 delayed 2-4 weeks",
    mitigation: "Architecture review in Phase 1 with a certified Claude architect who has done this integration before",
  },
  {
    title: "HR objections to AI monitoring employee work",
    probability: "MEDIUM",
    impact: "MEDIUM",
    consequence: "Acceptable use policy overhaul",
    mitigation: "Engage HR in Phase 1 for employee-facing deployments; clarify data retention and audit logging scope",
  },
  {
    title: "Change management failures causing low adoption post-launch",
    probability: "HIGH",
    impact: "HIGH",
    consequence: "Investment not realised",
    mitigation: "Formal change management workstream from Day 1; champions network; success stories communicated during rollout",
  },
];

/** "Mapping the Stakeholder Landscape", plus HR from the stakeholder map and the HR risk. */
const stakeholders: readonly StakeholderTemplate[] = [
  {
    role: "CIO_CTO",
    why:
      "Provides budget and organisational authority. Needs to see a clear business case with ROI metrics and a " +
      "timeline to production. Your primary escalation path when other stakeholders block.",
    engagementPlan:
      "Present the business case with ROI metrics and the timeline to production at kick-off; get budget signed " +
      "off in Phase 1; weekly status updates with business metrics; escalate blockers here.",
    engageByWeek: 1,
  },
  {
    role: "CISO_SECURITY",
    why:
      "Will review data handling, API key management, audit logging, and model access controls. Engage in Week 1, " +
      "not Week 8. Anthropic's security documentation and SOC 2 reports are your starting point.",
    engagementPlan:
      "Kick-off in Week 1 with Anthropic's security documentation and SOC 2 reports provided proactively; complete " +
      "the vendor security questionnaire; Security signs the Architecture Review and the Production Readiness Review.",
    engageByWeek: 1,
  },
  {
    role: "LEGAL_PRIVACY",
    why:
      "Concerns: data processing agreements, GDPR/CCPA compliance, model training on company data (Claude does not " +
      "train on customer data by default), and employee monitoring issues.",
    engagementPlan:
      "Brief in Phase 1 and start DPA negotiation early; draft the acceptable use policy together and publish it " +
      "before the pilot; Legal signs the Architecture Review and the Production Readiness Review (DPA signed).",
    engageByWeek: 2,
  },
  {
    role: "PROCUREMENT",
    why:
      "Vendor onboarding timelines in large enterprises range from 3 to 12 weeks. Delays here are the single most " +
      "common cause of 90-day plans taking 6 months.",
    engagementPlan: "Start the Anthropic vendor onboarding process in Week 1; track the expected completion date weekly.",
    engageByWeek: 1,
  },
  {
    role: "BUSINESS_UNIT_LEADER",
    why:
      "The internal champion who wants Claude and will fight for resources and airtime. They own the use case, " +
      "identify the pilot users, and drive adoption. Without this person, the deployment has no internal momentum.",
    engagementPlan:
      "Co-own use case ranking and success criteria; identify the pilot users; sign the gates as business sponsor; " +
      "lead change management and the champions network; review the weekly dashboard.",
    engageByWeek: 1,
  },
  {
    role: "ENGINEERING_LEAD",
    why:
      "Owns the technical implementation. Needs clear requirements from the architecture phase, API access in " +
      "Week 1, and a realistic assessment of integration complexity.",
    engagementPlan:
      "API access in Week 1; agree requirements and the Architecture Decision Record in Phase 1 without " +
      "gold-plating the solution; realistic integration complexity assessment reviewed at the Architecture Review.",
    engageByWeek: 1,
  },
  {
    role: "HR",
    why: "Can block employee-facing tools: objections to AI monitoring of employee work force an acceptable use " + "policy overhaul.",
    engagementPlan:
      "Engage in Phase 1 for employee-facing deployments; clarify data retention and audit logging scope; review " +
      "the acceptable use policy before it is published.",
    engageByWeek: 2,
  },
];

/** Freezes the template at runtime too, so shared template data cannot be mutated by a caller. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const TEMPLATE_V1: ProgrammeTemplate = deepFreeze({
  version: "90-day/2026-11",
  totalDays: 90,
  phases,
  gates,
  milestones,
  risks,
  stakeholders,
});
