import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { isLocale } from "~/i18n/locales";
import { getUser, safeRedirect } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { languageCookie } from "~/utils/locale.server";

export async function loader() {
  return redirect("/");
}

/** Keeps the choice on the account (if signed in) and in a cookie (for the sign-in page). */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const locale = formData.get("locale");
  const to = safeRedirect(formData.get("redirectTo"));
  if (!isLocale(locale)) return redirect(to);
  const user = await getUser(request);
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(locale) } });
}
