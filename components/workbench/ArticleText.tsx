"use client";

import {
  memo,
  useEffect,
  useMemo,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from "react";
import type { AnnotationStatus } from "@/lib/domain/annotation";
import { textDirection } from "@/lib/domain/language";
import { moveCaret, placeCaret } from "./caret";
import { blockPieces, blockSpan, idSet, startLabel } from "./highlight-pieces";
import { highlightsSupported, idsAtPoint, installTestHook, register } from "./highlight-registry";
import { openIn, paragraphKeys, type BlockView, type BlockGroup } from "./layout";

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
 * The article text, block by block. Every block is one element with
 * `data-start` holding one text node, so a DOM selection maps back to exact
 * offsets (offsets.ts) and a long article costs one element per paragraph,
 * however densely annotated (decision 027). Highlights are Ranges over those
 * text nodes in CSS.highlights (highlight-registry.ts): the outermost
 * annotation gives the colour and the underline pattern (solid, dashed,
 * dotted), overlaps draw darker. Labels are the block's attributes, shown at
 * its start.
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
    const ids = idsAtPoint(event.currentTarget, event.clientX, event.clientY);
    if (ids.length > 0) onMarkClick(ids);
  }

  // Highlights need the CSS Custom Highlight API: known only in the browser, after hydration.
  const [unsupported, setUnsupported] = useState(false);
  useEffect(() => {
    setUnsupported(!highlightsSupported());
    return rootRef.current ? installTestHook(rootRef.current) : undefined;
  }, [rootRef]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (moveCaret(event, event.currentTarget)) event.preventDefault();
  }

  // Per block, what changes with the annotations (not with the open one): a click then costs one `includes` a block.
  const keys = useMemo(() => {
    const byView = new Map<BlockView, ReturnType<typeof paragraphKeys>>();
    for (const group of groups)
      for (const view of group.type === "list" ? group.items : [group])
        byView.set(view, paragraphKeys(view, flashing, labels, statuses, changed));
    return byView;
  }, [groups, flashing, labels, statuses, changed]);

  const block = (view: BlockView, Tag: BlockTag) => (
    <Paragraph
      key={view.key}
      view={view}
      Tag={Tag}
      text={text}
      labels={labels}
      statuses={statuses}
      changed={changed}
      openId={openIn(view, openId)}
      {...keys.get(view)!}
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
      {unsupported && (
        <p className="wb-notice" role="note">
          This browser cannot show highlights: the text reads as usual, and the annotations are listed beside it. Use a
          current browser (Chrome or Edge 105+, Safari 17.2+, Firefox 140+) to see them in the text.
        </p>
      )}
      {!hasText && <p className="muted">This revision has no text to annotate.</p>}
      {sections(groups).map((section) => (
        <div key={section[0].key} className="wb-section">
          {section.map((group) => {
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
      ))}
    </div>
  );
});

/**
 * Blocks per section. A section, not each block, skips its layout and paint while out of view
 * (content-visibility: auto in app/workbench.css): the browser checks every such element against the
 * viewport on each frame that changes anything, and for 1,180 paragraphs that check was a good part of
 * every click and Esc. Forty sections cost next to nothing, and one on screen lays out forty paragraphs.
 */
const SECTION_BLOCKS = 30;

function sections(groups: BlockGroup[]): BlockGroup[][] {
  const runs: BlockGroup[][] = [];
  for (let from = 0; from < groups.length; from += SECTION_BLOCKS) runs.push(groups.slice(from, from + SECTION_BLOCKS));
  return runs;
}

const LABEL_ATTRIBUTES = ["data-label", "data-label-alt", "data-status"] as const;

/** Sets a block's label attributes to `label`, removing those it has no value for. */
function setLabel(element: HTMLElement, label: ReturnType<typeof startLabel>) {
  for (const name of LABEL_ATTRIBUTES) {
    const value = label[name];
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}

type BlockTag = "p" | "blockquote" | "li" | `h${2 | 3 | 4 | 5 | 6}`;

type ParagraphProps = {
  view: BlockView;
  Tag: BlockTag;
  text: string;
  labels: Map<string, string>;
  statuses: Map<string, AnnotationStatus>;
  changed: ReadonlySet<string>;
  /** The open annotation if it has text in this block, else null: opening one re-renders only its own paragraphs. */
  openId: string | null;
  /** This block's flashing ids, its annotations' labels and statuses, its changed ones, as strings that stay equal while nothing here changed. */
  flashKey: string;
  labelKey: string;
  changedKey: string;
};

/**
 * One block of the text: one element, one text node, rendered again only when its own highlights change (the layout
 * hands back the same view while the spans over it are unchanged, and the maps and sets are read only for this
 * block's ids, whose values the keys carry). It owns its highlight ranges: registered after each render that changes
 * them, taken back before the next and on unmount, so opening one annotation touches only its paragraphs' ranges.
 */
const Paragraph = memo(
  function Paragraph({
    view,
    Tag,
    text,
    labels,
    statuses,
    changed,
    openId,
    flashKey,
    labelKey,
    changedKey,
  }: ParagraphProps) {
    // One ref type for the six tags a block can be.
    const ref = useRef<HTMLParagraphElement & HTMLQuoteElement & HTMLHeadingElement & HTMLLIElement>(null);
    const span = blockSpan(view);
    const start = span?.start;
    useLayoutEffect(() => {
      if (!ref.current || start === undefined) return;
      return register(ref.current, start, blockPieces(view, openId, idSet(flashKey), idSet(changedKey)));
    }, [view, start, openId, flashKey, changedKey, text]);
    // The labels are set here, after hydration, not rendered: they derive from the annotations the page data
    // already carries, and as attributes of every paragraph they were a sixth of a dense page's bytes (decision 027).
    useLayoutEffect(() => {
      if (ref.current) setLabel(ref.current, startLabel(view.opening, labels, statuses, changed));
      // labelKey and changedKey stand for this block's part of labels, statuses and changed.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [view, labelKey, changedKey]);
    return (
      <Tag ref={ref} className={`wb-block wb-${view.type}`} data-start={span?.start}>
        {span ? text.slice(span.start, span.end) : null}
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
