/**
 * The exhibitors of a fair as CSV, as its organisers see them on the organise page: each employer with its answer in
 * words. Only an officer of an organising state sees the list, there and here; others get the heading only, as the
 * page shows them no list. Employers are organisations, not people: the page writes no audit entry, nor does this.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/policy.ts';
import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, defineCsv, toCsv } from '../../web/csv.tsx';
import type { WebDeps } from '../../web/page.tsx';
import { officerState } from '../joint-projects/index.ts';
import { actorOf, param } from './http.ts';
import { FAIR_PATHS } from './paths.ts';
import { type ExhibitorRow, type FairDetail, organisersOf } from './read.ts';

/** The exhibitors the actor sees on the organise page: all of them for an organiser, none for anyone else. */
export function exhibitorsSeenBy(actor: Actor, f: FairDetail): readonly ExhibitorRow[] {
  const own = officerState(actor);
  return own !== null && organisersOf(f).includes(own) ? f.exhibitors : [];
}

export function exhibitorsCsv(ctx: ViewContext, rows: readonly ExhibitorRow[]): string {
  const { t } = ctx;
  const columns: CsvColumn<ExhibitorRow>[] = [
    { header: t.t('fairs.csv.exhibitor'), value: (e) => e.name },
    { header: t.t('fairs.csv.exhibitor-status'), value: (e) => t.t(`fairs.exhibitor.${e.status}`) },
  ];
  return toCsv(columns, rows);
}

/** The download of the organise page's exhibitors: the page's policy and its reader (404 for no such fair). */
export function exhibitorsCsvDownload(
  app: FastifyInstance,
  web: WebDeps,
  fairOf: (id: string) => Promise<FairDetail>,
) {
  defineCsv(app, web, {
    paths: FAIR_PATHS.organise,
    policy: { action: 'read', resource: 'fair' },
    handler: async (req: FastifyRequest, ctx) => {
      const f = await fairOf(param(req, 'id'));
      return { filename: 'fair-exhibitors', text: exhibitorsCsv(ctx, exhibitorsSeenBy(actorOf(req), f)) };
    },
  });
}
