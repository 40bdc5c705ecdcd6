// The labels of the closed lists of values (kinds, statuses, roles) that lists, filters and editors
// show: the options of a select, and the label of one stored value, which is shown as it is when
// the list does not know it.
import { type Option } from "~/components/forms";
import { type MessageKey, type Translate } from "~/i18n";
import { BODY_KINDS } from "~/models/body";
import { NETWORK_STATUSES } from "~/models/network";
import { ORGANISATION_KINDS } from "~/models/organisation";
import { PERSON_KINDS } from "~/models/person";
import { ROLES } from "~/models/roles";
import { USER_LOCALES } from "~/models/user";

export type ValueLabels = { options: Option[]; label: (value: string) => string };

function valueLabels<V extends string>(values: readonly V[], key: (value: V) => MessageKey) {
  return (t: Translate): ValueLabels => ({
    options: values.map((value) => ({ value, label: t(key(value)) })),
    label: (value) => ((values as readonly string[]).includes(value) ? t(key(value as V)) : value),
  });
}

export const bodyKindLabels = valueLabels(BODY_KINDS, (k) => `bodyKind.${k}`);
export const personKindLabels = valueLabels(PERSON_KINDS, (k) => `personKind.${k}`);
export const organisationKindLabels = valueLabels(ORGANISATION_KINDS, (k) => `organisation.kind.${k}`);
export const networkStatusLabels = valueLabels(NETWORK_STATUSES, (s) => `network.status.${s}`);
export const roleLabels = valueLabels(ROLES, (r) => `role.${r}`);

/** A user's language; an account without one follows the browser's. */
export function userLocaleLabels(t: Translate) {
  const label = (locale: string | null) => (locale === "ja" ? t("common.japanese") : locale === "en" ? t("common.english") : t("user.localeBrowser"));
  return { options: USER_LOCALES.map((l) => ({ value: l, label: label(l) })), label };
}
