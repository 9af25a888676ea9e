"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../api-client";
import { SpeakerSuggest, type SuggestedSpeaker } from "./SpeakerSuggest";

/** Admins: pick another record of the same person and merge it into this one (POST /api/v1/speakers/:id/merge). */
export function MergeSpeaker({ into }: { into: { id: string; name: string } }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<SuggestedSpeaker | null>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  async function merge(event: FormEvent) {
    event.preventDefault();
    if (!picked) {
      setMessage("Pick the record to merge from the suggestions.");
      return;
    }
    setBusy(true);
    try {
      const result = await api<{ annotations: number }>(`/speakers/${into.id}/merge`, {
        method: "POST",
        body: { from: picked.id },
      });
      setMessage(`Merged “${picked.name}” into “${into.name}”: ${result.annotations} annotation(s) moved.`);
      setPicked(null);
      setText("");
      router.refresh();
    } catch (failure) {
      setMessage(failure instanceof ApiError ? failure.message : "The merge failed: try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={merge} aria-labelledby="merge-speaker">
      <h2 id="merge-speaker">Merge another record into this one</h2>
      <p className="muted small">
        Its claims and denials move here, its names become aliases of {into.name}, and it is deleted.
      </p>
      <label htmlFor="merge-from">Record to merge</label>
      <SpeakerSuggest
        id="merge-from"
        value={text}
        exclude={into.id}
        onChange={(value) => {
          setText(value);
          setPicked(null);
        }}
        onPick={(speaker) => {
          setText(speaker.name);
          setPicked(speaker);
        }}
      />
      <p>
        <button className="button" type="submit" disabled={busy || !picked}>
          Merge {picked ? `“${picked.name}”` : ""}
        </button>
      </p>
      <p role="status">{message}</p>
    </form>
  );
}
