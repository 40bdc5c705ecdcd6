export const ROLES = ["member", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles are ordered: an admin may do what staff may, staff what members may. */
export function hasRole(actual: string, required: Role) {
  return isRole(actual) && ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
