// One step of bench/data-import.js, in a process of its own so that its peak memory is its own:
//   node --import tsx bench/data-import-step.ts export <source.db> <outDir>
//   node --import tsx bench/data-import-step.ts import <module> <export.json> <target.db> <attachmentsDir>
// `module` is the data-export module to import with (this one, or the previous, whole-file version).
// Prints one line of JSON: { ms, peakRssMb, rows, file? }. DATABASE_URL is a scratch database for the jobs' rows.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [step, ...rest] = process.argv.slice(2);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (step === "export") {
  const [source, outDir] = rest;
  const { exportData } = await import("~/models/data-export.server");
  const { db } = await import("~/utils/db.server");
  const job = await db.dataJob.create({ data: { kind: "export" } });
  const started = performance.now();
  const { fileName, rows } = await exportData(job.id, { databaseFile: source, outDir, attachmentsDir: path.join(outDir, "no-attachments") });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(JSON.stringify({ ms, peakRssMb: peakRssMb(), rows, file: path.join(outDir, fileName), bytes: fs.statSync(path.join(outDir, fileName)).size }) + "\n");
  await db.$disconnect();
} else if (step === "import") {
  const [modulePath, exportFile, target, attachmentsDir] = rest;
  const mod = (await import(pathToFileURL(path.resolve(modulePath)).href)) as {
    importData: (jobId: null, file: unknown, options: { databaseFile: string; attachmentsDir: string }) => Promise<{ rows: number }>;
    parseExport?: (text: string) => unknown;
  };
  const started = performance.now();
  // The previous version took the parsed file; this one takes its path.
  const input = mod.parseExport ? mod.parseExport(fs.readFileSync(exportFile, "utf8")) : exportFile;
  const { rows } = await mod.importData(null, input, { databaseFile: target, attachmentsDir });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(JSON.stringify({ ms, peakRssMb: peakRssMb(), rows }) + "\n");
} else if (step === "idle") {
  // What loading the modules alone costs, to read the figures above against.
  await import("~/models/data-export.server");
  process.stdout.write(JSON.stringify({ ms: 0, peakRssMb: peakRssMb(), rows: 0 }) + "\n");
} else {
  process.stderr.write("usage: data-import-step.ts export|import|idle …\n");
  process.exit(2);
}
