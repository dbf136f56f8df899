/**
 * "Ordered by code" in the contract means by Unicode code points, not by a database collation
 * nor by JavaScript's UTF-16 units (which misplace characters outside the BMP).
 */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const diff = (left[i].codePointAt(0) as number) - (right[i].codePointAt(0) as number);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}
