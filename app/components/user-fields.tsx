// Fields of the account forms: where an admin creates an account or edits one, and where users
// change their own password.
import { Field, SelectField } from "~/components/forms";
import { roleLabels, userLocaleLabels } from "~/components/value-labels";
import { useT } from "~/i18n/react";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/models/user";

type FormField = { id: string; name: string; initialValue?: string; errors?: string[] };

/** What the account may do and the language it reads, side by side. */
export function RoleLocaleFields({ role, locale }: { role: FormField; locale: FormField }) {
  const t = useT();
  return (
    <div className="field-pair">
      <SelectField
        label={t("user.role")}
        id={role.id}
        name={role.name}
        defaultValue={role.initialValue}
        errors={role.errors}
        options={roleLabels(t).options}
        help={t("help.userRole")}
      />
      <SelectField
        label={t("user.locale")}
        id={locale.id}
        name={locale.name}
        defaultValue={locale.initialValue}
        errors={locale.errors}
        options={userLocaleLabels(t).options}
        emptyLabel={t("user.localeBrowser")}
        help={t("help.userLocale")}
      />
    </div>
  );
}

/** A new password and its confirmation, side by side. Never prefilled: the server hides these fields. */
export function PasswordFields({
  password,
  confirm,
  label,
  confirmLabel,
}: {
  password: FormField;
  confirm: FormField;
  label: string;
  confirmLabel: string;
}) {
  const t = useT();
  return (
    <div className="field-pair">
      <Field
        label={label}
        id={password.id}
        name={password.name}
        errors={password.errors}
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        help={t("help.newPassword")}
        required
      />
      <Field
        label={confirmLabel}
        id={confirm.id}
        name={confirm.name}
        errors={confirm.errors}
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
        required
      />
    </div>
  );
}
