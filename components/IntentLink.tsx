"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link that prefetches its page when the reader reaches for it (hover, focus, touch), not when it is shown. The
 * site header is on every page: prefetching its links as they appeared (and the workbench's history and audit
 * links) made every page load ask the server for seven more pages, some twice as the router's state settled, which
 * on the workbench of a long article competed with the page itself and its live stream for the same two cores
 * (issue #14). One request per link actually reached for keeps navigation quick at a fraction of the cost.
 */
export function IntentLink({
  href,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: ComponentProps<typeof Link> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
    />
  );
}
