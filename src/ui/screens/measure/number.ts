/** A number as a person types it ("12", "2.5", "1,200", " -3 "); null if it is not one. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/,(?=\d{3}\b)/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && Math.abs(n) <= 1e9 ? n : null;
}
