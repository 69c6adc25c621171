/**
 * PostgreSQL write-ahead-log positions ("16/B374D848": two hex halves of a 64-bit offset), as
 * numbers that compare. A read that must see a commit may go to a replica only once the
 * replica has replayed past the commit's position.
 */
export type Lsn = bigint;

const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The position written as PostgreSQL writes it, or null when `text` is not one. */
export function parseLsn(text: string | null | undefined): Lsn | null {
  const match = text ? LSN.exec(text.trim()) : null;
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : null;
}

/** The later of two positions (null when neither is known): a read must see both writes. */
export function laterLsn(a: Lsn | null, b: Lsn | null): Lsn | null {
  return a === null ? b : b === null || a >= b ? a : b;
}

/** The position as PostgreSQL writes it. */
export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
