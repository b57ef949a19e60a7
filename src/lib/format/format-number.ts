// Made on first use; the locale data it needs is loaded as the page starts (warm-up-intl-script.ts).
let integer: Intl.NumberFormat | undefined;

/** 1234567 → "1,234,567" in the reader's locale. */
export function formatCount(value: number): string {
  return (integer ??= new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })).format(value);
}

/** A share as a whole percent; under 1 % but above 0 says "<1%" rather than a misleading "0%". */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const percent = (part / whole) * 100;
  if (percent > 0 && percent < 1) return '<1%';
  if (percent < 100 && percent > 99) return '>99%';
  return `${Math.round(percent)}%`;
}
