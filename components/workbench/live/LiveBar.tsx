"use client";

import type { CSSProperties } from "react";
import type { PresenceEntry } from "./presence";
import type { Connection } from "./useArticleEvents";

const CONNECTION_TEXT: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

type Props = { connection: Connection; people: PresenceEntry[]; onOpen: (annotationId: string) => void };

/**
 * Under the title: whether changes arrive live, and who else has the article
 * open (each with what they are looking at, a way to follow them there).
 */
export function LiveBar({ connection, people, onOpen }: Props) {
  return (
    <div className="wb-live-bar">
      {/* A polite live region, not role=status: the workbench's one status region is the announcement toast. */}
      <span
        className={`wb-connection wb-connection-${connection}`}
        aria-live="polite"
        aria-atomic="true"
        data-testid="live-connection"
        title={connection === "live" ? "Changes by others appear as they happen" : undefined}
      >
        <span className="wb-connection-dot" aria-hidden="true" />
        {CONNECTION_TEXT[connection]}
      </span>
      {people.length > 0 && (
        <div className="wb-presence" role="group" aria-labelledby="wb-presence-heading" data-testid="presence">
          <span id="wb-presence-heading" className="wb-presence-title">
            Also here:
          </span>
          <ul className="wb-presence-list">
            {people.map((person) => (
              <li
                key={person.userId}
                className="wb-presence-person"
                style={{ "--wb-person-hue": person.hue } as CSSProperties}
              >
                <span className="wb-avatar" aria-hidden="true" title={person.name}>
                  {person.initials}
                </span>
                <span className="wb-presence-name">{person.name}</span>
                {person.annotationId && person.label && (
                  <button
                    type="button"
                    className="wb-presence-looking"
                    onClick={() => onOpen(person.annotationId!)}
                    aria-label={`${person.name} is looking at ${person.label}: open it`}
                  >
                    looking at {person.label}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
