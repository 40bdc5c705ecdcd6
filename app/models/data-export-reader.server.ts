// Reads an export file (docs/decisions/017) as a stream, so that a file of hundreds of MB never sits in
// memory: stream-json's tokenizer turns each block of text into tokens, and a small state machine that
// knows the file's shape turns them into events — the header, each table's columns, its rows in batches,
// each attached file. Only one row (or one attached file) is ever assembled at a time.
//
// The shape, as exportData writes it:
//   {"format","version","exportedAt","migrations","tables":{name:{"columns":[...],"rows":[[...],...]}},"files":{path:base64}}
import fs from "node:fs";
import { getManyValues, isMany, none } from "stream-chain/defs.js";
import { jsonParser, type Token } from "stream-json/core/parser.js";

export type ExportHeader = { format: unknown; version: unknown; migrations: unknown };
export type ExportEvent =
  | { kind: "header"; header: ExportHeader }
  | { kind: "table"; table: string; columns: string[] }
  | { kind: "rows"; table: string; rows: unknown[][] }
  | { kind: "file"; path: string; base64: string };

/** The file is not JSON, or not of the export's shape. */
export class MalformedExport extends Error {}

type Container = { value: unknown[] | Record<string, unknown>; key: string | null };

/** Assembles one JSON value from its tokens (packed values only). */
class ValueBuilder {
  private stack: Container[] = [];
  value: unknown = undefined;

  /** Feeds a token; true when the value is complete. */
  push(token: Token): boolean {
    let scalar: unknown;
    switch (token.name) {
      case "startObject":
      case "startArray":
        this.stack.push({ value: token.name === "startObject" ? {} : [], key: null });
        return false;
      case "keyValue":
        this.top().key = token.value;
        return false;
      case "endObject":
      case "endArray": {
        const done = this.stack.pop();
        if (!done) throw new MalformedExport("unbalanced");
        return this.add(done.value);
      }
      case "stringValue":
        scalar = token.value;
        break;
      case "numberValue":
        scalar = Number(token.value);
        break;
      case "nullValue":
        scalar = null;
        break;
      case "trueValue":
        scalar = true;
        break;
      case "falseValue":
        scalar = false;
        break;
      default:
        return false;
    }
    return this.add(scalar);
  }

  private top() {
    const top = this.stack.at(-1);
    if (!top) throw new MalformedExport("no container");
    return top;
  }

  private add(v: unknown) {
    const parent = this.stack.at(-1);
    if (!parent) {
      this.value = v;
      return true;
    }
    if (Array.isArray(parent.value)) parent.value.push(v);
    else if (parent.key !== null) parent.value[parent.key] = v;
    return false;
  }
}

type State =
  | { at: "start" }
  | { at: "top" }
  | { at: "topValue"; key: string; builder: ValueBuilder }
  | { at: "tablesOpen" }
  | { at: "tables" }
  | { at: "tableOpen"; table: string }
  | { at: "table"; table: string; columns: string[] | null }
  | { at: "columns"; table: string; builder: ValueBuilder }
  | { at: "rowsOpen"; table: string; columns: string[] }
  | { at: "rows"; table: string; columns: string[]; row: ValueBuilder | null }
  | { at: "filesOpen" }
  | { at: "files" }
  | { at: "file"; path: string }
  | { at: "end" };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((c) => typeof c === "string");

/**
 * The file's events, in order. `batch` rows at most per rows event. Throws MalformedExport when the
 * text is not JSON or not of the export's shape (a header after the tables, rows before columns, a row
 * that is not an array of the columns' length, a truncated file).
 */
export async function* readExport(file: string, { batch = 500, blockSize = 256 * 1024 }: { batch?: number; blockSize?: number } = {}): AsyncGenerator<ExportEvent> {
  const parse = jsonParser({ packValues: true, streamValues: false });
  const header: Record<string, unknown> = {};
  // Widened: TypeScript cannot see that step() (a closure) changes it.
  let state = { at: "start" } as State;
  let pending: unknown[][] = [];
  let out: ExportEvent[] = [];
  const bad: (why: string) => never = (why) => {
    throw new MalformedExport(why);
  };
  const flushRows = (table: string) => {
    if (pending.length) out.push({ kind: "rows", table, rows: pending });
    pending = [];
  };

  const step = (token: Token) => {
    switch (state.at) {
      case "start":
        if (token.name !== "startObject") bad("not an object");
        state = { at: "top" };
        return;
      case "top":
        if (token.name === "endObject") {
          state = { at: "end" };
          return;
        }
        if (token.name !== "keyValue") return bad("top");
        if (token.value === "tables") {
          out.push({ kind: "header", header: { format: header.format, version: header.version, migrations: header.migrations } });
          state = { at: "tablesOpen" };
        } else if (token.value === "files") state = { at: "filesOpen" };
        else state = { at: "topValue", key: token.value, builder: new ValueBuilder() };
        return;
      case "topValue":
        if (state.builder.push(token)) {
          header[state.key] = state.builder.value;
          state = { at: "top" };
        }
        return;
      case "tablesOpen":
        if (token.name !== "startObject") bad("tables");
        state = { at: "tables" };
        return;
      case "tables":
        if (token.name === "endObject") state = { at: "top" };
        else if (token.name === "keyValue") state = { at: "tableOpen", table: token.value };
        else bad("tables");
        return;
      case "tableOpen":
        if (token.name !== "startObject") bad("table");
        state = { at: "table", table: state.table, columns: null };
        return;
      case "table":
        if (token.name === "endObject") {
          if (!state.columns) bad("no columns");
          state = { at: "tables" };
        } else if (token.name === "keyValue" && token.value === "columns") state = { at: "columns", table: state.table, builder: new ValueBuilder() };
        else if (token.name === "keyValue" && token.value === "rows") {
          if (!state.columns) return bad("rows before columns");
          state = { at: "rowsOpen", table: state.table, columns: state.columns };
        } else bad("table key");
        return;
      case "columns":
        if (state.builder.push(token)) {
          const columns = state.builder.value;
          if (!isStrings(columns)) return bad("columns");
          out.push({ kind: "table", table: state.table, columns });
          state = { at: "table", table: state.table, columns };
        }
        return;
      case "rowsOpen":
        if (token.name !== "startArray") bad("rows");
        state = { at: "rows", table: state.table, columns: state.columns, row: null };
        return;
      case "rows":
        if (!state.row) {
          if (token.name === "endArray") {
            flushRows(state.table);
            state = { at: "table", table: state.table, columns: state.columns };
            return;
          }
          if (token.name !== "startArray") bad("row");
          state.row = new ValueBuilder();
        }
        if (state.row.push(token)) {
          const row = state.row.value;
          if (!Array.isArray(row) || row.length !== state.columns.length) bad("row length");
          pending.push(row as unknown[]);
          state.row = null;
          if (pending.length >= batch) flushRows(state.table);
        }
        return;
      case "filesOpen":
        if (token.name !== "startObject") bad("files");
        state = { at: "files" };
        return;
      case "files":
        if (token.name === "endObject") state = { at: "top" };
        else if (token.name === "keyValue") state = { at: "file", path: token.value };
        else bad("files");
        return;
      case "file":
        if (token.name !== "stringValue") bad("file");
        out.push({ kind: "file", path: state.path, base64: token.value });
        state = { at: "files" };
        return;
      case "end":
        bad("after the end");
    }
  };

  // The tokenizer takes text, and `none` to flush what it holds at the end.
  const flushing = parse as unknown as (chunk: string | typeof none) => ReturnType<typeof parse>;
  const feed = (chunk: string | typeof none) => {
    let result;
    try {
      result = flushing(chunk);
    } catch (error) {
      throw new MalformedExport(error instanceof Error ? error.message : "not JSON");
    }
    if (result === none) return;
    for (const token of isMany(result) ? getManyValues(result) : [result]) step(token);
  };

  for await (const chunk of fs.createReadStream(file, { encoding: "utf8", highWaterMark: blockSize })) {
    feed(String(chunk));
    if (out.length) {
      const events = out;
      out = [];
      yield* events;
    }
  }
  feed(none);
  if (state.at !== "end") bad("truncated");
  yield* out;
}

/** Only the header (format, version, migrations): reads until the tables begin. */
export async function readExportHeader(file: string): Promise<ExportHeader> {
  for await (const event of readExport(file, { blockSize: 16 * 1024 })) {
    if (event.kind === "header") return event.header;
    throw new MalformedExport("no header");
  }
  throw new MalformedExport("no header");
}
