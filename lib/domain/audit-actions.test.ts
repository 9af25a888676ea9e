import { describe, expect, it } from "vitest";
import { EVENT_NAMES, parseEvent } from "@/components/workbench/live/apply-event";
import type { AuditInput } from "../server/audit/record-audit-event";
import {
  actionsStreamedAs,
  AUDIT,
  AUDIT_ACTIONS,
  AUDIT_STREAM_EVENTS,
  isAuditAction,
  STREAM_EVENT_OF,
  streamEventOf,
  type AuditAction,
} from "./audit-actions";
import { describeAuditEvent } from "./audit-text";

const ACCOUNT_ACTIONS: readonly string[] = [...Object.values(AUDIT.user), ...Object.values(AUDIT.token)];

describe("audit actions", () => {
  it("are listed once each, as area.verb", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+\.[a-z_-]+$/);
    expect(AUDIT_ACTIONS).toContain("annotation.changes_requested");
    expect(AUDIT_ACTIONS).toContain("user.password-changed");
  });

  it("each read as a sentence in an article's log; account events (no article) read as their name", () => {
    for (const action of AUDIT_ACTIONS) {
      const sentence = describeAuditEvent({ action, actor: { name: "Ana" }, payload: {} });
      if (ACCOUNT_ACTIONS.includes(action)) expect(sentence).toBe(`Ana: ${action}`);
      else expect(sentence, action).not.toBe(`Ana: ${action}`);
    }
  });

  it("refuse an unknown action, at run time and in the type check", () => {
    expect(isAuditAction("annotation.renamed")).toBe(false);
    expect(isAuditAction("source.added")).toBe(true);
    // @ts-expect-error -- an action not in the list is not an AuditAction
    const _unknown: AuditAction = "annotation.renamed";
    const _mismatched: AuditInput<"comment.created"> = {
      action: "comment.created",
      // @ts-expect-error -- the writer takes the payload of the action it is given
      payload: { tokenId: "t1", name: "CI" },
    };
    expect(describeAuditEvent({ action: _unknown, actor: null, payload: _mismatched.payload })).toBe(
      "The command line: annotation.renamed",
    );
  });
});

describe("stream events", () => {
  it("are the events the stream made from audit actions before the list existed", () => {
    expect([...AUDIT_STREAM_EVENTS].sort()).toEqual([
      "annotation.created",
      "annotation.deleted",
      "annotation.updated",
      "article.revised",
      "article.status",
      "comment.created",
      "comment.deleted",
      "comment.updated",
    ]);
  });

  it("each map from an action, and are audit action names themselves", () => {
    for (const event of AUDIT_STREAM_EVENTS) {
      expect(AUDIT_ACTIONS.filter((action) => STREAM_EVENT_OF[action] === event).length, event).toBeGreaterThan(0);
      expect(isAuditAction(event)).toBe(true);
    }
  });

  it("group the actions as the stream always did", () => {
    expect([...actionsStreamedAs(AUDIT.annotation.updated)].sort()).toEqual([
      "annotation.approved",
      "annotation.basis_changed",
      "annotation.changes_requested",
      "annotation.placed",
      "annotation.submitted",
      "annotation.updated",
      "source.added",
      "source.removed",
      "source.updated",
    ]);
    expect([...actionsStreamedAs(AUDIT.article.status)].sort()).toEqual([
      "article.reopened",
      "article.signed_off",
      "article.status",
    ]);
    expect(streamEventOf("article.created")).toBeNull();
    expect(streamEventOf("user.created")).toBeNull();
    expect(streamEventOf("article.note")).toBeNull();
    expect(streamEventOf("source.removed")).toBe("annotation.updated");
  });

  it("are all listened to by the workbench, which reads each of them", () => {
    for (const event of AUDIT_STREAM_EVENTS) expect(EVENT_NAMES).toContain(event);
    const annotation = { id: "a1", version: 2, start: 0, end: 4, kind: "CLAIM", createdBy: { id: "u1", name: "Ana" } };
    const data = {
      actor: { id: "u1", name: "Ana" },
      at: "2026-01-01T00:00:00.000Z",
      action: "source.added",
      annotation,
      id: "a1",
      status: "IN_REVIEW",
      version: 3,
      signOff: null,
    };
    for (const event of AUDIT_STREAM_EVENTS) expect(parseEvent(event, JSON.stringify(data))?.type, event).toBe(event);
  });
});
