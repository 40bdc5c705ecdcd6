import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { logout } from "~/utils/auth.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  return logout(request, { everywhere: formData.get("everywhere") === "true" });
}
