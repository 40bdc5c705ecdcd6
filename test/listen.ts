import { type Server } from "node:http";
import { type createApp } from "../server/app.js";

/** Listens on 127.0.0.1 on the first free port from `from` to 3420 (the ports tests may use). */
export async function listen(app: ReturnType<typeof createApp>, from = 3400) {
  for (let port = from; port <= 3420; port++) {
    try {
      return await new Promise<Server>((resolve, reject) => {
        const s = app.listen(port, "127.0.0.1", () => resolve(s));
        s.once("error", reject);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    }
  }
  throw new Error(`no free port from ${from} to 3420`);
}
