import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { NewProgrammeForm } from "@/features/programmes/components/new-programme-form";

export const metadata: Metadata = { title: "New programme" };

export default function NewProgrammePage() {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader level={1} title="New programme" description="Start a Claude deployment programme from the 90-day plan." />
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-xs">
        <NewProgrammeForm today={today} />
      </div>
    </div>
  );
}
