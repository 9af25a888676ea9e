"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, ApiError, fieldMessage } from "../api-client";

type Profile = { name: string; role: string | null; affiliation: string | null; description: string | null };
const FIELDS = [
  { key: "name", label: "Name", max: 200 },
  { key: "role", label: "Role", max: 200 },
  { key: "affiliation", label: "Affiliation", max: 200 },
  { key: "description", label: "Description", max: 2000 },
] as const;

/**
 * The record's name and profile, editable by any editor (PATCH /api/v1/speakers/:id). Folded away by default: the
 * page is for reading what the speaker said. Only changed fields are sent; a refused field shows its reason beside it.
 */
export function EditSpeaker({ speaker }: { speaker: Profile & { id: string } }) {
  const router = useRouter();
  const initial = (profile: Profile) => Object.fromEntries(FIELDS.map(({ key }) => [key, profile[key] ?? ""]));
  const [values, setValues] = useState<Record<string, string>>(() => initial(speaker));
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const changes = Object.fromEntries(
      FIELDS.filter(({ key }) => values[key].trim() !== (speaker[key] ?? "")).map(({ key }) => [key, values[key]]),
    );
    if (Object.keys(changes).length === 0) return setMessage("Nothing changed.");
    setBusy(true);
    setError(null);
    try {
      const saved = await api<Profile>(`/speakers/${speaker.id}`, { method: "PATCH", body: changes });
      setValues(initial(saved));
      setMessage("Saved.");
      router.refresh();
    } catch (failure) {
      setError(failure);
      setMessage(failure instanceof ApiError ? failure.message : "Saving failed: try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card">
      <summary>Edit this record</summary>
      <form className="form" onSubmit={save} aria-label="Edit the speaker record" noValidate>
        {FIELDS.map(({ key, label, max }) => {
          const problem = fieldMessage(error, key);
          const id = `speaker-${key}`;
          const input = {
            id,
            name: key,
            value: values[key],
            maxLength: max,
            "aria-invalid": problem ? true : undefined,
            "aria-describedby": problem ? `${id}-error` : undefined,
            onChange: (event: { target: { value: string } }) =>
              setValues((before) => ({ ...before, [key]: event.target.value })),
          };
          return (
            <p key={key}>
              <label htmlFor={id}>{label}</label>
              {key === "description" ? <textarea rows={3} {...input} /> : <input type="text" {...input} />}
              {problem && (
                <span id={`${id}-error`} className="field-error">
                  {label} {problem}
                </span>
              )}
            </p>
          );
        })}
        <p className="muted small">
          A new name keeps the old one as an alias. A name another record has is the same person: merge the records
          instead.
        </p>
        <p>
          <button className="button" type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>{" "}
          <span role="status">{message}</span>
        </p>
      </form>
    </details>
  );
}
