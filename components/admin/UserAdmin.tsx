"use client";

import { useState, type FormEvent, type InputHTMLAttributes } from "react";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain/permissions";
import type { UserView } from "@/lib/views/user-view";
import { api, fieldMessage } from "../api-client";
import { TableScroll } from "@/components/TableScroll";

export function UserAdmin({ initialUsers, selfId }: { initialUsers: UserView[]; selfId: string }) {
  const [users, setUsers] = useState(initialUsers);
  const [addError, setAddError] = useState<unknown>(null);
  const [rowError, setRowError] = useState<string>("");
  const [added, setAdded] = useState("");

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    setAddError(null);
    setAdded("");
    try {
      const user = await api<UserView>("/users", { method: "POST", body: data });
      setUsers([...users, user].sort((a, b) => a.email.localeCompare(b.email)));
      setAdded(`${user.name} (${user.email}) can now sign in as ${ROLE_LABELS[user.role].toLowerCase()}.`);
      form.reset();
    } catch (failure) {
      setAddError(failure);
    }
  }

  async function update(user: UserView, changes: { role?: Role; active?: boolean }) {
    setRowError("");
    try {
      const updated = await api<UserView>(`/users/${user.id}`, { method: "PATCH", body: changes });
      setUsers(users.map((row) => (row.id === user.id ? updated : row)));
    } catch (failure) {
      setRowError(`${user.email}: ${(failure as Error).message}`);
    }
  }

  const error = (path: string) => fieldMessage(addError, path);
  return (
    <div className="stack">
      <form className="card form grid" onSubmit={add} aria-label="Add a user">
        <h2>Add a user</h2>
        <TextField label="Name" name="name" error={error("name")} required maxLength={120} />
        <TextField label="Email" name="email" error={error("email")} type="email" required />
        <label>
          Role
          <select name="role" defaultValue="EDITOR">
            <RoleOptions />
          </select>
        </label>
        <TextField
          label="Initial password"
          name="password"
          error={error("password")}
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
        />
        <button className="button primary" type="submit">
          Add user
        </button>
        {addError && !["name", "email", "password", "role"].some(error) ? (
          <p className="form-error" role="alert">
            {(addError as Error).message}
          </p>
        ) : null}
        {added && (
          <p role="status" className="form-ok">
            {added}
          </p>
        )}
      </form>
      {rowError && (
        <p className="form-error" role="alert">
          {rowError}
        </p>
      )}
      <TableScroll label="Users">
        <table className="table">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.active ? undefined : "inactive"}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={user.id === selfId}
                    onChange={(event) => update(user, { role: event.target.value as Role })}
                  >
                    <RoleOptions />
                  </select>
                </td>
                <td>
                  {user.active ? "active" : "deactivated"}{" "}
                  {user.id !== selfId && (
                    <button
                      type="button"
                      className={`button small ${user.active ? "danger" : ""}`}
                      onClick={() => update(user, { active: !user.active })}
                      aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.email}`}
                    >
                      {user.active ? "Deactivate" : "Reactivate"}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** A labelled input whose error is its description, not part of its name. */
function TextField({
  label,
  name,
  error,
  ...input
}: { label: string; name: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `add-user-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}
