/** A pool search's results as CSV: each profile's label and its released facts in words (unreleased: empty). */
import { POOL_FIELDS } from '../../domain/talent-pool/profile.ts';
import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, toCsv } from '../../web/csv.tsx';
import type { PoolHit } from './service.ts';
import { factTexts, type OccupationNames } from './view-parts.tsx';

export function poolCsv(ctx: ViewContext, hits: readonly PoolHit[], names: OccupationNames): string {
  const { t } = ctx;
  const rows = hits.map((h) => ({ label: h.label, texts: factTexts(ctx, h.facts, names) }));
  const columns: CsvColumn<(typeof rows)[number]>[] = [
    { header: t.t('pool.field.label'), value: (r) => r.label },
    ...POOL_FIELDS.map((k) => ({
      header: t.t(`pool.field.${k}`),
      value: (r: (typeof rows)[number]) => r.texts[k],
    })),
  ];
  return toCsv(columns, rows);
}
