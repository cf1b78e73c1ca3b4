/** The parts the journey's pages are built from: the page frame, tables, badges, notices and the core's messages. */
import type { ComponentChildren } from 'preact';
import type { Message } from '../../domain/journey/index.ts';
import { Alert } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Renders a message of the core, formatting ISO dates for the language. */
export function msg(ctx: ViewContext, m: Message): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.values ?? {})) {
    values[k] = typeof v === 'string' && ISO_DAY.test(v) ? ctx.t.date(v) : (v as string | number);
  }
  return ctx.t.t(m.key, values);
}

export function Table(props: { caption: string; head: readonly string[]; children: ComponentChildren }) {
  return (
    <div class="kern-table-responsive">
      <table class="kern-table kern-table--striped">
        <caption class="kern-title">{props.caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {props.head.map((h) => (
              <th key={h} scope="col" class="kern-table__header">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">{props.children}</tbody>
      </table>
    </div>
  );
}

export const td = (children: ComponentChildren, key?: string) => (
  <td key={key} class="kern-table__cell">
    {children}
  </td>
);

export function pathwayTitle(ctx: ViewContext, pathway: string): string {
  const key = `law.pathway.${pathway}.title`;
  return ctx.t.has(key) ? ctx.t.t(key) : pathway;
}

export function Badge({ kind, text }: { kind: 'info' | 'success' | 'warning' | 'danger'; text: string }) {
  return (
    <span class={`kern-badge kern-badge--${kind} kern-badge--small`}>
      <span class="kern-label kern-label--small">{text}</span>
    </span>
  );
}

export function Notice({ notice }: { ctx?: ViewContext; notice?: Notice | undefined }) {
  if (!notice) return null;
  return (
    <Alert kind={notice.kind} title={notice.title}>
      {notice.text ? <p class="kern-body">{notice.text}</p> : null}
    </Alert>
  );
}
export interface Notice {
  readonly kind: 'success' | 'danger' | 'warning';
  readonly title: string;
  readonly text?: string;
}

export type NoticeRow = { id: string; messageKey: string; values: unknown; createdAt: Date };

export function Notices({
  ctx,
  title,
  rows,
}: {
  ctx: ViewContext;
  title: string;
  rows: readonly NoticeRow[];
}) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="notices">
      <h2 class="kern-heading-medium" id="notices">
        {title}
      </h2>
      <ul class="kern-list">
        {rows.map((n) => {
          const v = n.values as Record<string, string>;
          const values = {
            ...v,
            step: v.step ? ctx.t.t(`journey.step.${v.step}`) : '',
            status: v.status ? ctx.t.t(`journey.status.${v.status}`) : '',
            dueAt: v.dueAt ? ctx.t.date(v.dueAt) : '',
          };
          return (
            <li key={n.id}>
              {ctx.t.date(n.createdAt, 'short')}: {ctx.t.t(n.messageKey, values)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The page frame with its title as the one heading (shared by every feature). */
export { Page };
