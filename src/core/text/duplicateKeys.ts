import { isScalar, visit, YAMLParseError, type Document } from 'yaml';

/**
 * yaml's own `uniqueKeys` check compares each key with every key before it
 * in its mapping (quadratic: a 40k-key index file took 15 s). Parse with
 * `uniqueKeys: false` and call this instead: one pass with a hash set per
 * mapping, the same error (`DUPLICATE_KEY`, "Map keys must be unique", at
 * the repeated key) and the same notion of equal keys (scalars with equal
 * values), added to `document.errors` in position order.
 */
export function addDuplicateKeyErrors(document: Document.Parsed | Document): void {
  const found: YAMLParseError[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const value = key.value;
        if (typeof value === 'number' && Number.isNaN(value)) continue; // NaN !== NaN for yaml too
        if (seen.has(value)) {
          const start = key.range?.[0] ?? 0;
          found.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(value);
      }
    },
  });
  if (found.length === 0) return;
  const errors = [...document.errors, ...found].sort((a, b) => a.pos[0] - b.pos[0]);
  document.errors.length = 0;
  for (const error of errors) document.errors.push(error);
}
