/**
 * The exports of a draft (issue 17): the final version (or, before every state agreed, the current one, marked as
 * such) as plain text and as a tagged PDF through the platform's writer, each with the sign-off of every state.
 */
import { paragraphsOf } from '../../domain/workspace/drafts.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import type { PdfBlock, PdfDocumentModel } from '../../platform/pdf/index.ts';
import { decisionText, kindName, stateName, statusText, targetName } from './names.ts';
import type { DraftDetail } from './service.ts';

type Texts = { t: Translator; locale: 'de' | 'en' };

function facts(ctx: Texts, d: DraftDetail): string[] {
  const { t } = ctx;
  return [
    t.t('drafts.facts', {
      kind: kindName(ctx, d.kind),
      target: targetName(ctx, d.target),
      date: t.date(d.targetDate),
      deadline: t.date(d.deadline),
      states: t.list(d.states.map((s) => stateName(ctx, s))),
    }),
    `${statusText(ctx, d.status)}: ${t.t(`drafts.status-text.${d.status}`, { version: d.current.number })}`,
  ];
}

function signOffRows(ctx: Texts, d: DraftDetail): string[][] {
  return [...d.standings.entries()].map(([code, s]) => [
    stateName(ctx, code),
    decisionText(ctx, s?.decision ?? null),
    s?.remarks ?? '–',
  ]);
}

const versionTitle = (ctx: Texts, d: DraftDetail) =>
  ctx.t.t('drafts.text.title', {
    version: d.current.number,
    date: ctx.t.date(d.current.createdAt),
    state: stateName(ctx, d.current.stateCode),
  });

/** The draft as plain text: title, facts, sign-offs, then the text of the version. */
export function draftText(ctx: Texts, d: DraftDetail): string {
  const lines = [
    d.title,
    '',
    ...facts(ctx, d),
    '',
    `${ctx.t.t('drafts.table.caption', { version: d.current.number })}:`,
    ...signOffRows(ctx, d).map(([state, decision, remarks]) =>
      remarks === '–' ? `- ${state}: ${decision}` : `- ${state}: ${decision} (${remarks})`,
    ),
    '',
    versionTitle(ctx, d),
    '',
    d.current.body,
    '',
  ];
  return lines.join('\n');
}

/** The draft as the PDF writer's document model (headings, paragraphs, the sign-off table). */
export function draftPdfModel(ctx: Texts, d: DraftDetail): PdfDocumentModel {
  const { t } = ctx;
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: d.title },
    ...facts(ctx, d).map((text) => ({ kind: 'paragraph' as const, text })),
    {
      kind: 'table',
      caption: t.t('drafts.table.caption', { version: d.current.number }),
      header: [t.t('drafts.table.state'), t.t('drafts.table.decision'), t.t('drafts.table.remarks')],
      rows: signOffRows(ctx, d),
    },
    { kind: 'heading', level: 2, text: versionTitle(ctx, d) },
    ...paragraphsOf(d.current.body).flatMap((text, i) => [
      { kind: 'heading' as const, level: 3 as const, text: t.t('drafts.paragraph', { n: i + 1 }) },
      { kind: 'paragraph' as const, text },
    ]),
  ];
  return { lang: ctx.locale, title: d.title, blocks, footer: d.title };
}

/** The file name of an export: `entwurf-fassung-2.txt`, `draft-version-2.pdf`. */
export const exportName = (ctx: Texts, d: DraftDetail, ext: 'txt' | 'pdf') =>
  `${ctx.t.t('drafts.export.file', { version: d.current.number })}.${ext}`;
