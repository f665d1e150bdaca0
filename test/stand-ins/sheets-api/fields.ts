/** Google field masks: `spreadsheetId,sheets(properties(sheetId,title),protectedRanges)`, `a.b` (not `*`: src sends none). */

export type MaskTree = Map<string, MaskTree | true>;

export function parseMask(mask: string): MaskTree {
  let pos = 0;
  const parseList = (): MaskTree => {
    const tree: MaskTree = new Map();
    while (pos < mask.length) {
      const match = /^\s*([^,()\s]+)\s*/.exec(mask.slice(pos));
      if (!match) break;
      pos += match[0].length;
      const path = match[1].split(".");
      let node = tree;
      path.forEach((key, i) => {
        const last = i === path.length - 1;
        if (last && mask[pos] === "(") {
          pos++;
          const child = parseList();
          pos++; // ")"
          const existing = node.get(key);
          node.set(key, existing instanceof Map ? merge(existing, child) : existing === true ? true : child);
        } else if (last) {
          node.set(key, true);
        } else {
          const existing = node.get(key);
          if (existing === true) return;
          const next: MaskTree = existing ?? new Map();
          node.set(key, next);
          node = next;
        }
      });
      while (mask[pos] === " ") pos++;
      if (mask[pos] === ",") pos++;
      else break;
    }
    return tree;
  };
  return parseList();
}

function merge(a: MaskTree, b: MaskTree): MaskTree {
  for (const [k, v] of b) {
    const existing = a.get(k);
    a.set(k, existing === true || v === true ? true : existing ? merge(existing, v) : v);
  }
  return a;
}

/** `value` as answered with a `fields` parameter: only the masked fields (all of it without one). */
export function masked(value: unknown, fields: string | null): unknown {
  return fields ? applyMask(value, parseMask(fields)) : value;
}

/** Keeps only the masked fields; arrays are filtered element-wise. */
function applyMask(value: unknown, tree: MaskTree): unknown {
  if (Array.isArray(value)) return value.map((v) => applyMask(v, tree));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = sub === true ? v : applyMask(v, sub);
  }
  return out;
}

/** Mask as a list of dotted leaf paths, for update requests (`fields: "userEnteredFormat(numberFormat,note)"`). */
function maskPaths(mask: string): string[][] {
  const out: string[][] = [];
  const walk = (tree: MaskTree, prefix: string[]) => {
    for (const [k, v] of tree) {
      if (v === true) out.push([...prefix, k]);
      else walk(v, [...prefix, k]);
    }
  };
  walk(parseMask(mask), []);
  return out;
}

/** Copies the masked fields from `source` onto `target` (absent in source → deleted), as updates do. */
export function assignMasked(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  mask: string,
): void {
  for (const path of maskPaths(mask)) {
    let from: unknown = source;
    for (const key of path)
      from = from && typeof from === "object" ? (from as Record<string, unknown>)[key] : undefined;
    let node = target;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (!next || typeof next !== "object") {
        if (from === undefined) {
          node = {};
          break;
        }
        node[key] = {};
      }
      node = node[key] as Record<string, unknown>;
    }
    const leaf = path[path.length - 1];
    if (from === undefined) delete node[leaf];
    else node[leaf] = structuredClone(from);
  }
  pruneEmpty(target);
}

function pruneEmpty(obj: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      pruneEmpty(v as Record<string, unknown>);
      if (Object.keys(v).length === 0) delete obj[k];
    }
  }
}
