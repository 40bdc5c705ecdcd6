// The floor of a signed-in page: what every screen costs before its own work (the session checked by
// the route and by the root, the language, the document and navigation rendered), plus one trivial
// query. bench/run.js measures every page against it (docs/decisions/008-performance-budgets.md).
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, () => null);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const rows = await db.$queryRaw<Array<{ ok: number | bigint }>>`SELECT 1 AS ok`;
  return { ok: Number(rows[0]?.ok) === 1 };
}

export default function Ping() {
  const { ok } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>{ok ? "ok" : "…"}</p>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
