// User accounts: the forms of the user administration and of the password page, shared by the
// client (validation as you type) and the server (the action), and the list's parameters.
import { z } from "zod";
import { ROLES } from "~/models/roles";
import { requiredText, versionField } from "~/utils/validation";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const USER_SORTS = ["name", "email", "created"] as const;
export type UserSort = (typeof USER_SORTS)[number];
/** The list's status filter. "locked": sign-in paused after too many failed attempts. */
export const USER_STATES = ["all", "active", "deactivated", "locked", "noPassword"] as const;
export type UserState = (typeof USER_STATES)[number];
/** The language choices of an account; "" follows the browser (stored as null). */
export const USER_LOCALES = ["ja", "en"] as const;

/** Emails are compared and stored lower-case. */
export const emailField = z
  .string({ error: "error.required" })
  .trim()
  .toLowerCase()
  .min(1, "error.required")
  .max(254, "error.tooLong")
  .email("error.email");

/** A new password. Never trimmed: what was typed is the password. */
export const newPasswordField = z
  .string({ error: "error.required" })
  .min(PASSWORD_MIN, "error.passwordTooShort")
  .max(PASSWORD_MAX, "error.tooLong");

const confirmField = z.string({ error: "error.required" }).max(PASSWORD_MAX, "error.tooLong");

const roleField = z.enum(ROLES, { error: "error.unknownChoice" });
/** Empty (browser default) → undefined → null in the database. */
const localeField = z.enum(USER_LOCALES, { error: "error.unknownChoice" }).optional();

const isObject = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

export function samePasswordAsEmail(password: unknown, email: unknown) {
  return (
    typeof password === "string" &&
    typeof email === "string" &&
    email.trim() !== "" &&
    password.trim().toLowerCase() === email.trim().toLowerCase()
  );
}

const passwordNotEmail = {
  check: (v: { password?: unknown; email?: unknown }) => !samePasswordAsEmail(v.password, v.email),
  // Checked even when other fields have errors, so that all messages show at once.
  options: { path: ["password"], message: "error.passwordIsEmail", when: isObject },
};
const passwordsMatch = {
  check: (v: { password?: unknown; passwordConfirm?: unknown }) =>
    typeof v.password !== "string" || typeof v.passwordConfirm !== "string" || v.password === v.passwordConfirm,
  options: { path: ["passwordConfirm"], message: "error.passwordMismatch", when: isObject },
};

/** /admin/users/new */
export const userCreateSchema = z
  .object({
    email: emailField,
    name: requiredText(200),
    role: roleField,
    locale: localeField,
    password: newPasswordField,
    passwordConfirm: confirmField,
  })
  .refine(passwordNotEmail.check, passwordNotEmail.options)
  .refine(passwordsMatch.check, passwordsMatch.options);
export type UserCreateValues = z.infer<typeof userCreateSchema>;

/** The account form of /admin/users/$userId. */
export const userUpdateSchema = z.object({
  intent: z.literal("update"),
  name: requiredText(200),
  role: roleField,
  locale: localeField,
  active: z.boolean().default(false),
  personId: z.string().max(64).optional(),
  version: versionField,
});
export type UserUpdateValues = z.infer<typeof userUpdateSchema>;

/**
 * An administrator sets a new password for someone. The email is sent along (hidden) so that
 * the client can refuse a password equal to it as well.
 */
export const userSetPasswordSchema = z
  .object({
    intent: z.literal("setPassword"),
    email: z.string().max(254).optional(),
    password: newPasswordField,
    passwordConfirm: confirmField,
  })
  .refine(passwordNotEmail.check, passwordNotEmail.options)
  .refine(passwordsMatch.check, passwordsMatch.options);

export const userUnlockSchema = z.object({ intent: z.literal("unlock") });

/** /settings/password */
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "error.required" }).max(PASSWORD_MAX, "error.tooLong"),
    newPassword: newPasswordField,
    newPasswordConfirm: confirmField,
  })
  .refine((v) => typeof v.newPassword !== "string" || v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "error.passwordUnchanged",
    when: isObject,
  })
  .refine((v) => typeof v.newPassword !== "string" || typeof v.newPasswordConfirm !== "string" || v.newPassword === v.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: "error.passwordMismatch",
    when: isObject,
  });
export type PasswordChangeValues = z.infer<typeof passwordChangeSchema>;

/** Password inputs are never sent back to the browser after an error. */
export const PASSWORD_FIELDS = ["password", "passwordConfirm", "currentPassword", "newPassword", "newPasswordConfirm"];

export function isLocked(lockedUntil: Date | string | null | undefined, now = new Date()) {
  return Boolean(lockedUntil && new Date(lockedUntil) > now);
}
