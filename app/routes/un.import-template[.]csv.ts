// The template of the recommendations' CSV import (docs/decisions/010): the header row and two example
// rows, UTF-8 with a byte-order mark so that Excel in Japan opens it as it should.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { CSV_TEMPLATE_ROWS } from "~/models/un-import-csv.server";
import { requireStaff } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [header, ...rows] = CSV_TEMPLATE_ROWS;
  return csvResponse("recommendations-template", header, rows, todayInJapan());
}
