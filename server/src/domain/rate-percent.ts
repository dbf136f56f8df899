/**
 * A rate as the digits of a percent to a tenth ("70", "99.9"), the one rule of the letters, the
 * reports and the extension's tree: rounded to a tenth, except that a rate below 1 never reads 100
 * (it would tell a unit it is done when it is not). Each caller writes its own decimal mark and "%".
 */
export function ratePercentDigits(rate: number): string {
  let tenths = Math.round(rate * 1000);
  if (rate < 1 && tenths >= 1000) tenths = 999;
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
