// Structured logs: one JSON object a line on stdout. No request bodies, queries or emails:
// paths and status codes only, so that logs hold no personal data.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** @param {"debug"|"info"|"warn"|"error"|"silent"} threshold */
export function createLogger(threshold) {
  const min = LEVELS[threshold] ?? LEVELS.info;
  const write = (level) => (msg, fields = {}) => {
    if (LEVELS[level] < min) return;
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + "\n");
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
