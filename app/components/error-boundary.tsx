import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/react";

/** The one error boundary every route exports: a plain message, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error) && typeof console !== "undefined") console.error(error);
  const message =
    status === 404 ? t("error.notFound") : status === 403 ? t("error.forbidden") : status === 400 ? t("error.badRequest") : t("error.unexpected");
  return (
    <section className="error-page" role="alert">
      <h1>{t("error.title", { status })}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}
