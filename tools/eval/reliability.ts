/**
 * Reliability tables: how often a fact given confidence c turns out right. The review queue
 * sorts by confidence, so a bucket of facts at 0.8 should be right about 80 % of the time.
 */

/** One judged fact: the confidence the engine gave it and whether the gold data agrees. */
export interface Judged {
  confidence: number;
  correct: boolean;
}

export interface ReliabilityRow {
  /** Bucket bounds [from, to). */
  from: number;
  to: number;
  count: number;
  /** Mean confidence in the bucket. */
  confidence: number;
  /** Share of the bucket that is correct. */
  precision: number;
}

export interface Reliability {
  rows: ReliabilityRow[];
  count: number;
  /** Expected calibration error: the count-weighted mean |confidence − precision| over buckets. */
  ece: number;
}

/** Buckets judged facts by confidence (ten buckets of 0.1) and measures each bucket's precision. */
export function reliability(judged: readonly Judged[], buckets = 10): Reliability {
  const acc = Array.from({ length: buckets }, () => ({ n: 0, c: 0, ok: 0 }));
  for (const j of judged) {
    const b = Math.min(buckets - 1, Math.max(0, Math.floor(j.confidence * buckets)));
    acc[b]!.n++;
    acc[b]!.c += j.confidence;
    if (j.correct) acc[b]!.ok++;
  }
  const rows: ReliabilityRow[] = [];
  let ece = 0;
  acc.forEach((a, b) => {
    if (a.n === 0) return;
    const row = { from: b / buckets, to: (b + 1) / buckets, count: a.n, confidence: a.c / a.n, precision: a.ok / a.n };
    rows.push(row);
    ece += (a.n / Math.max(1, judged.length)) * Math.abs(row.confidence - row.precision);
  });
  return { rows, count: judged.length, ece };
}

/** The table as text: bucket, count, mean confidence, observed precision. */
export function formatReliability(title: string, r: Reliability): string {
  const lines = [`${title}: ${r.count} judged, ECE ${r.ece.toFixed(3)}`, '  bucket      count   mean conf   precision'];
  for (const row of r.rows)
    lines.push(
      `  ${row.from.toFixed(1)}–${row.to.toFixed(1)}  ${String(row.count).padStart(7)}   ${row.confidence.toFixed(3).padStart(9)}   ${row.precision.toFixed(3).padStart(9)}`,
    );
  return lines.join('\n');
}
