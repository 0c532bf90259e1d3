/**
 * `n` as `n.toLocaleString('en')` writes it ("1,234,567", "0.125"), without the browser's number
 * formatter: its first use loads the locale data, ~130 ms at CPU 4× on a phone-like page, and the
 * texts that need it were built while the page loaded (the challenge's form help, the lab's
 * figures). Whole and decimal numbers, at most three decimals as 'en' shows them.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return n.toLocaleString('en');
  const sign = n < 0 ? '-' : '';
  const [whole = '0', fraction] = String(Math.round(Math.abs(n) * 1000) / 1000).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
