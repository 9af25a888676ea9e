import type { KeyboardEvent, ReactNode, RefObject } from "react";
import { Field } from "./Field";

/**
 * A reason the user must give before acting (reopening an article, sending
 * an annotation back): a required textarea whose error takes the hint's
 * place, cleared as soon as something is typed.
 */
export function RequiredReason({
  id,
  label,
  hint,
  value,
  error,
  setValue,
  setError,
  textareaRef,
  rows,
  placeholder,
  onKeyDown,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  value: string;
  error: string;
  setValue: (value: string) => void;
  setError: (error: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  rows: number;
  placeholder: string;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}) {
  return (
    <Field id={id} label={label} error={error} hint={error ? undefined : hint}>
      {(control) => (
        <textarea
          {...control}
          ref={textareaRef}
          rows={rows}
          value={value}
          required
          aria-required="true"
          onChange={(event) => {
            setValue(event.target.value);
            if (event.target.value.trim()) setError("");
          }}
          onKeyDown={onKeyDown}
          placeholder={placeholder}
        />
      )}
    </Field>
  );
}
