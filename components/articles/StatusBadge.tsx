import type { ArticleStatus } from "@/lib/domain/annotation";

const LABELS: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SIGNED_OFF: "Signed off",
  REOPENED: "Reopened",
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`status-badge status-${status.toLowerCase()}`}>{LABELS[status]}</span>;
}
