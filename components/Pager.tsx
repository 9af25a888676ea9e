import Link from "next/link";

type Props = { page: number; pages: number; href: (page: number) => string; previous: string; next: string };

/** Previous / "Page n of m" / next links for a paged list; nothing when everything fits on one page. */
export function Pager({ page, pages, href, previous, next }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 && <Link href={href(page - 1)}>{previous}</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>{next}</Link>}
    </nav>
  );
}
