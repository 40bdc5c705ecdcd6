import { describe, expect, it } from "vitest";
import { ancestry, flattenTree, subtreeIds } from "./body";

const bodies = [
  { id: "moj", parentId: null, name: "Ministry of Justice" },
  { id: "imm", parentId: "moj", name: "Immigration Bureau" },
  { id: "div", parentId: "imm", name: "Residence Division" },
  { id: "mhlw", parentId: null, name: "MHLW" },
  { id: "orphan", parentId: "gone", name: "Orphan" },
];

describe("body tree", () => {
  it("flattens depth-first with depths, treating a missing parent as a root", () => {
    const flat = flattenTree(bodies, (b) => b.name).map((b) => `${b.depth}:${b.id}`);
    expect(flat).toEqual(["0:mhlw", "0:moj", "1:imm", "2:div", "0:orphan"]);
  });

  it("finds a subtree", () => {
    expect([...subtreeIds(bodies, "moj")].sort()).toEqual(["div", "imm", "moj"]);
    expect([...subtreeIds(bodies, "div")]).toEqual(["div"]);
  });

  it("gives the chain from the root and survives a cycle", () => {
    expect(ancestry(bodies, "div").map((b) => b.id)).toEqual(["moj", "imm", "div"]);
    const cyclic = [
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
    ];
    expect(ancestry(cyclic, "a").map((b) => b.id)).toEqual(["b", "a"]);
    expect(flattenTree(cyclic, (b) => b.id)).toEqual([]);
  });
});
