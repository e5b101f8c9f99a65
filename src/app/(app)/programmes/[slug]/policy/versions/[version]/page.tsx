import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { POLICY_VERSION_STATUS_LABELS } from "@/domain/enums";
import { PolicyBody } from "@/features/policies/components/policy-body";
import { getAcceptableUsePolicyVersion } from "@/features/policies/server/get-policy";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Policy version" };

export default async function PolicyVersionPage({ params }: { params: Promise<{ slug: string; version: string }> }) {
  const { slug, version: param } = await params;
  if (!/^\d{1,6}$/.test(param)) notFound();
  const user = await requirePageUser(`/programmes/${slug}/policy/versions/${param}`);
  const { title, version: v } = await loadOr404(() => getAcceptableUsePolicyVersion(user, slug, Number(param)));
  return (
    <div className="space-y-4">
      <Link href={`/programmes/${slug}/policy`} className="text-sm font-medium text-brand-700 hover:underline">
        ← {title}
      </Link>
      <Card
        title={
          <>
            {title}, version {v.version}
            <span className="ml-2 font-normal text-slate-500">
              {v.publishedAt ? `published ${formatDateTime(v.publishedAt)}` : `started ${formatDateTime(v.createdAt)}`}
            </span>
          </>
        }
        action={
          <Badge tone={v.status === "PUBLISHED" ? "success" : v.status === "DRAFT" ? "info" : "neutral"}>
            {POLICY_VERSION_STATUS_LABELS[v.status]}
          </Badge>
        }
      >
        <PolicyBody html={v.html} label={`${title}, version ${v.version}`} />
      </Card>
    </div>
  );
}
