import { StandIn, View } from "./counting";

/** GoogleAppsScript.Base.User: an e-mail address. */
export class User extends StandIn {
  readonly kind = "User";
  constructor(
    view: View,
    private readonly email: string,
  ) {
    super(view);
  }
  getEmail(): string {
    return this.email;
  }
}

/** Accepts an e-mail address or a User (as Google's sharing methods do). */
export function emailOf(userOrEmail: unknown): string {
  if (typeof userOrEmail === "string") return userOrEmail.trim().toLowerCase();
  const user = userOrEmail as { getEmail?: () => string } | null;
  if (user && typeof user.getEmail === "function") return user.getEmail().trim().toLowerCase();
  throw new Error("Invalid argument: user");
}

/** Drive semantics: an editor is not also listed as viewer; the owner is always an editor. */
export class Sharing {
  constructor(private readonly target: { owner: string; editors: string[]; viewers: string[] }) {}
  editors(): string[] {
    return [this.target.owner, ...this.target.editors.filter((e) => e !== this.target.owner)];
  }
  viewers(): string[] {
    return [...this.target.viewers];
  }
  addEditor(email: string): void {
    this.target.viewers = this.target.viewers.filter((v) => v !== email);
    if (email !== this.target.owner && !this.target.editors.includes(email)) this.target.editors.push(email);
  }
  addViewer(email: string): void {
    if (email === this.target.owner || this.target.editors.includes(email)) return;
    if (!this.target.viewers.includes(email)) this.target.viewers.push(email);
  }
  /** Google: removing a viewer who is an editor has no effect. */
  removeViewer(email: string): void {
    this.target.viewers = this.target.viewers.filter((v) => v !== email);
  }
}
