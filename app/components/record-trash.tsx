// The staff tools of a record page (its history, deleting it) and the confirmation page of a
// deletion, which is a page of its own so that it works without JavaScript.
import { Form, Link, useNavigation } from "@remix-run/react";
import { translateMaybe } from "~/i18n";
import { useT } from "~/i18n/react";

/** "History" and "Delete" links for staff, next to a record's Edit button. */
export function RecordTools({ historyTo, deleteTo }: { historyTo: string; deleteTo?: string }) {
  const t = useT();
  return (
    <>
      <Link to={historyTo} className="button">
        {t("history.link")}
      </Link>
      {deleteTo ? (
        <Link to={deleteTo} className="button danger">
          {t("common.delete")}
        </Link>
      ) : null}
    </>
  );
}

/** Asks before a record goes to the trash; a refusal (records still under it) is shown above the buttons. */
export function DeleteConfirm({
  name,
  cancelTo,
  problem,
}: {
  name: string;
  cancelTo: string;
  problem?: { error: string; vars: Record<string, string | number> } | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const deleting = navigation.state === "submitting";
  return (
    <section className="panel delete-confirm">
      <h1>{t("delete.title", { name })}</h1>
      <p>{t("delete.explain")}</p>
      {problem ? (
        <div className="form-errors" role="alert">
          <p>{translateMaybe(t, problem.error, problem.vars)}</p>
        </div>
      ) : null}
      <Form method="post">
        <div className="form-actions">
          <button type="submit" className="danger" disabled={deleting || Boolean(problem)}>
            {deleting ? t("delete.deleting") : t("delete.confirm")}
          </button>
          <Link to={cancelTo}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
