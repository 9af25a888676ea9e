"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { speakerNameKey } from "@/lib/domain/speaker-name";
import type { SpeakerListItem } from "@/lib/views/speakers";
import { api } from "../api-client";

/** What a suggestion shows and what picking it links to (GET /api/v1/speakers items). */
export type SuggestedSpeaker = Pick<
  SpeakerListItem,
  "id" | "name" | "aliases" | "role" | "affiliation" | "claims" | "denials"
>;

const SHOWN = 8;

/**
 * A text field that suggests speaker records as one types (an ARIA 1.2
 * combobox with a list): arrows move through the suggestions, Enter picks
 * one, Escape closes the list (and stops there, so the workbench panel stays
 * open). Typing after a pick drops the link: the text is then just a name,
 * which the server resolves by its key.
 */
export function SpeakerSuggest({
  id,
  value,
  onChange,
  onPick,
  exclude,
  label,
  describedBy,
  invalid,
  placeholder,
  omitExact = false,
}: {
  id: string;
  value: string;
  onChange: (text: string) => void;
  onPick: (speaker: SuggestedSpeaker) => void;
  /** A record not to offer (the one a merge goes into). */
  exclude?: string;
  label?: string;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  /** Leave out the record the text already names (its key): where the text alone links to it. */
  omitExact?: boolean;
}) {
  const listId = useId();
  const [items, setItems] = useState<SuggestedSpeaker[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!typed.current) return;
    const query = value.trim();
    let stale = false;
    const timer = setTimeout(async () => {
      try {
        const list = await api<{ items: SuggestedSpeaker[] }>(
          `/speakers?${new URLSearchParams({ q: query, pageSize: String(SHOWN + 1) })}`,
        );
        if (stale) return;
        // In the workbench a record whose key is the text's is linked by the text alone: no list over the form.
        const key = omitExact ? speakerNameKey(query) : null;
        setItems(list.items.filter((item) => item.id !== exclude && speakerNameKey(item.name) !== key).slice(0, SHOWN));
        setActive(-1);
        // An answer that arrives after the field lost focus opens nothing over where the user went.
        setOpen(document.activeElement === input.current);
      } catch {
        // Suggestions are a help: without them the field still takes a name.
        if (!stale) setItems([]);
      }
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [value, exclude, omitExact]);

  const pick = (speaker: SuggestedSpeaker) => {
    typed.current = false;
    setOpen(false);
    setItems([]);
    onPick(speaker);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const shown = open && items.length > 0;
    if (event.key === "ArrowDown" && shown) {
      event.preventDefault();
      setActive((active + 1) % items.length);
    } else if (event.key === "ArrowUp" && shown) {
      event.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && shown && active >= 0) {
      event.preventDefault();
      pick(items[active]);
    } else if (event.key === "Escape" && shown) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="speaker-suggest">
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={open && items.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        autoComplete="off"
        maxLength={200}
        value={value}
        onChange={(event) => {
          typed.current = true;
          onChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" className="speaker-options" hidden={!open || items.length === 0}>
        {items.map((item, i) => (
          <li
            key={item.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "is-active" : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(item);
            }}
          >
            <span className="speaker-option-name">{item.name}</span>
            <span className="muted small">
              {[item.role, item.affiliation].filter(Boolean).join(", ")}
              {item.role || item.affiliation ? " · " : ""}
              {item.claims + item.denials} checked
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
