"use client";

import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent, type RefObject } from "react";
import type { AnnotationKind, AnnotationStatus } from "@/lib/domain/annotation";
import { textDirection } from "@/lib/domain/language";
import { moveCaret, placeCaret } from "./caret";
import { paragraphState, type BlockView, type BlockGroup, type SegmentView } from "./layout";
import { inlineLabel } from "./status";

type Props = {
  text: string;
  groups: BlockGroup[];
  labels: Map<string, string>;
  statuses: Map<string, AnnotationStatus>;
  /** Annotations a revision changed the words of (anchor CHANGED): a dashed outline and Δ on the label until approved again. */
  changed: ReadonlySet<string>;
  openId: string | null;
  /** Annotations someone else just changed: their highlights flash briefly. */
  flashing: ReadonlySet<string>;
  rootRef: RefObject<HTMLDivElement | null>;
  onMarkClick: (ids: string[]) => void;
  /** The article's language: the text's `lang` (screen readers' voice, hyphenation) and its direction, so Arabic or Hebrew reads right to left. */
  language: string | null;
};

/**
 * The article text, block by block. Every run of text is one element with
 * `data-start` holding one text node, so a DOM selection maps back to exact
 * offsets (offsets.ts). Annotated runs are <mark>s: the outermost annotation
 * gives the colour, and every covering annotation adds an underline in its
 * kind's pattern (solid, dashed, dotted), so overlaps stay visible.
 */
export const ArticleText = memo(function ArticleText({
  text,
  groups,
  labels,
  statuses,
  changed,
  openId,
  flashing,
  rootRef,
  onMarkClick,
  language,
}: Props) {
  function onClick(event: MouseEvent<HTMLDivElement>) {
    // The end of a drag is a click too: only a plain click opens.
    if (window.getSelection()?.isCollapsed === false) return;
    const mark = (event.target as Element).closest?.("mark[data-annotations]");
    if (mark) onMarkClick(mark.getAttribute("data-annotations")!.split(" "));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (moveCaret(event, event.currentTarget)) event.preventDefault();
  }

  const block = (view: BlockView, Tag: BlockTag) => (
    <Paragraph
      key={view.key}
      view={view}
      Tag={Tag}
      text={text}
      labels={labels}
      statuses={statuses}
      changed={changed}
      flashing={flashing}
      {...paragraphState(view, openId, flashing, labels, statuses, changed)}
    />
  );

  const hasText = groups.some((group) => (group.type === "list" ? group.items.length > 0 : group.segments.length > 0));
  return (
    <div
      ref={rootRef}
      className="wb-text"
      lang={language ?? undefined}
      dir={textDirection(language)}
      tabIndex={0}
      role="region"
      aria-label="Article text"
      aria-describedby="wb-keys"
      onClick={onClick}
      onKeyDown={onKeyDown}
      // Reached with Tab: a caret at the first text in view, ready for Shift+arrows.
      onFocus={(event) => event.currentTarget.matches(":focus-visible") && placeCaret(event.currentTarget)}
    >
      {!hasText && <p className="muted">This revision has no text to annotate.</p>}
      {groups.map((group) => {
        if (group.type === "list")
          return (
            <ul key={group.key} className="wb-block wb-list">
              {group.items.map((item) => block(item, "li"))}
            </ul>
          );
        if (group.type === "heading")
          return block(group, `h${Math.min(6, Math.max(2, (group.level ?? 1) + 1)) as 2 | 3 | 4 | 5 | 6}`);
        return block(group, group.type === "blockquote" ? "blockquote" : "p");
      })}
    </div>
  );
});

type BlockTag = "p" | "blockquote" | "li" | `h${2 | 3 | 4 | 5 | 6}`;

type ParagraphProps = {
  view: BlockView;
  Tag: BlockTag;
  text: string;
  labels: Map<string, string>;
  statuses: Map<string, AnnotationStatus>;
  changed: ReadonlySet<string>;
  flashing: ReadonlySet<string>;
  /** The open annotation if it has text in this block, else null: opening one re-renders only its own paragraphs. */
  openId: string | null;
  /** This block's flashing ids, its annotations' labels and statuses, its changed ones, as strings that stay equal while nothing here changed. */
  flashKey: string;
  labelKey: string;
  changedKey: string;
};

/**
 * One block of the text, rendered again only when its own highlights change: the layout hands back the same view
 * while the spans over it are unchanged, and the maps and sets are read only for this block's ids, whose values the
 * keys carry (so a change elsewhere, with new maps, is skipped here).
 */
const Paragraph = memo(
  function Paragraph({ view, Tag, text, labels, statuses, changed, flashing, openId }: ParagraphProps) {
    return (
      <Tag className={`wb-block wb-${view.type}`}>
        {view.segments.map((piece) => (
          <Piece
            key={piece.start}
            piece={piece}
            text={text}
            labels={labels}
            statuses={statuses}
            changed={changed}
            openId={openId}
            flashing={flashing}
          />
        ))}
      </Tag>
    );
  },
  (before, after) =>
    before.view === after.view &&
    before.Tag === after.Tag &&
    before.text === after.text &&
    before.openId === after.openId &&
    before.flashKey === after.flashKey &&
    before.labelKey === after.labelKey &&
    before.changedKey === after.changedKey,
);

/** Stacked underlines, outermost lowest: one layer per covering annotation. */
function lines(kinds: AnnotationKind[]): CSSProperties {
  return {
    backgroundImage: kinds.map((kind) => `var(--wb-line-${kind.toLowerCase()})`).join(", "),
    backgroundPosition: kinds.map((_, depth) => `0 calc(100% - ${depth * 4}px)`).join(", "),
  };
}

/**
 * The label where annotations start, with each one's review mark (C1✓) and
 * words for it ("C1 approved") as the generated content's alternative text.
 * It is tinted by status only when the annotations starting here agree.
 */
function startLabel(
  ids: string[],
  labels: Map<string, string>,
  statuses: Map<string, AnnotationStatus>,
  changed: ReadonlySet<string>,
) {
  if (ids.length === 0) return {};
  const parts = ids.map((id) => {
    const part = inlineLabel(labels.get(id) ?? "", statuses.get(id));
    return changed.has(id) ? { text: `${part.text}\u202fΔ`, spoken: `${part.spoken}, words changed` } : part;
  });
  const first = statuses.get(ids[0]);
  const agreed = first && ids.every((id) => statuses.get(id) === first) ? first.toLowerCase() : undefined;
  return {
    "data-label": parts.map((part) => part.text).join(" "),
    "data-label-alt": parts.map((part) => part.spoken).join(", "),
    "data-status": agreed,
  };
}

function Piece({
  piece,
  text,
  labels,
  statuses,
  changed,
  openId,
  flashing,
}: {
  piece: SegmentView;
  text: string;
  labels: Map<string, string>;
  statuses: Map<string, AnnotationStatus>;
  changed: ReadonlySet<string>;
  openId: string | null;
  flashing: ReadonlySet<string>;
}) {
  const content = text.slice(piece.start, piece.end);
  if (piece.ids.length === 0) return <span data-start={piece.start}>{content}</span>;
  const isOpen = openId !== null && piece.ids.includes(openId);
  const className = [
    "wb-mark",
    `wb-${piece.kinds[0].toLowerCase()}`,
    `wb-depth-${Math.min(piece.ids.length, 4)}`,
    isOpen && "is-open",
    isOpen && piece.opens.includes(openId) && "is-open-first",
    isOpen && piece.closes.includes(openId) && "is-open-last",
    piece.ids.some((id) => flashing.has(id)) && "is-flashing",
    piece.ids.some((id) => changed.has(id)) && "is-changed",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <mark
      data-start={piece.start}
      data-annotations={piece.ids.join(" ")}
      {...startLabel(piece.opens, labels, statuses, changed)}
      className={className}
      style={lines(piece.kinds)}
    >
      {content}
    </mark>
  );
}
