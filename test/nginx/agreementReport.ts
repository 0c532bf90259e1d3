// What the real-nginx tests require of an agreement, and the table they print.
import { expect } from 'vitest';
import type { Agreement } from './model';

/**
 * Every request agreed or was excluded near a slot edge. Exclusion is for requests on an edge; a
 * model that dodged by excluding fails here. With 100 ms slots, 10 ms of every 100 lie within 5 ms
 * of an edge, for refusing and for delaying each, and a steady trace can sit near the edges for a
 * while: up to 30% may be excluded.
 */
export function expectAgreement(agreement: Agreement): void {
  expect(agreement.disagreements).toEqual([]);
  expect(agreement.agreed + agreement.excludedNearEdge).toBe(agreement.requests);
  expect(agreement.excludedNearEdge).toBeLessThanOrEqual(Math.ceil(agreement.requests * 0.3));
}

export interface AgreementRow {
  readonly config: string;
  readonly agreement: Agreement;
}

/** A Markdown table: config, requests, agreed, excluded near an edge. */
export function agreementTable(rows: readonly AgreementRow[]): string {
  const header = ['config', 'requests', 'agreed', 'excluded near an edge'];
  const lines = [...rows]
    .sort((a, b) => a.config.localeCompare(b.config))
    .map(({ config, agreement: a }) =>
      [config, a.requests, a.agreed, a.excludedNearEdge].map(String),
    );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join(
    '\n',
  );
}
