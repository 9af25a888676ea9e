/** Previous / "Page n of m" / next, as the other paged lists (Pager) but with buttons: the list pages in place. The buttons stay at the ends (marked unavailable) so focus is not lost. */
export function IndexPager({
  page,
  pages,
  onPage,
  label = "Annotation pages",
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  label?: string;
}) {
  const go = (to: number) => () => to >= 1 && to <= pages && onPage(to);
  return (
    <nav className="pager wb-index-pager" aria-label={label}>
      <button type="button" className="button small" aria-disabled={page <= 1} onClick={go(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button type="button" className="button small" aria-disabled={page >= pages} onClick={go(page + 1)}>
        Next
      </button>
    </nav>
  );
}
