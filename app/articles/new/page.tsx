import type { Metadata } from "next";
import { pageActorWith } from "@/lib/auth/page-actor";
import { NewArticleForm } from "@/components/articles/NewArticleForm";

export const metadata: Metadata = { title: "New article" };
export const dynamic = "force-dynamic";

export default async function NewArticlePage() {
  const { allowed } = await pageActorWith("create:article", "/articles/new");
  return (
    <section className="page narrow">
      <h1>Import an article</h1>
      {allowed ? <NewArticleForm /> : <p role="alert">Your role may not import articles.</p>}
    </section>
  );
}
