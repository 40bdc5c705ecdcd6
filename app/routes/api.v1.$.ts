// Any other /api/v1 path: a JSON 404 (after the token check, so that the API's shape is not probed
// without one), never the HTML error page.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { apiError, requireApiUser } from "~/utils/api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireApiUser(request, context);
  throw apiError(404, "not_found", "No such API path. See the README's Read API section.");
}
