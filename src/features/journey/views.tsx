/** Pages of the journey: "Mein Weg", the journey (per party), the employer's and counsellor's lists, the work queue, the step page. */
import type { ComponentChildren } from 'preact';
import { type Message, STEP_KINDS, STEP_ROLES, type StepKind } from '../../domain/journey/index.ts';
import { PATHWAY_IDS, type PathwayId, QUALIFICATION_KINDS } from '../../domain/law/index.ts';
import { SIX_STATES } from '../../domain/recognition/portability.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { DocumentView } from '../documents/index.ts';
import { checklistFor, contentUrl, DocumentChecklist } from '../documents/index.ts';
import { RECORD_PROFESSIONS } from '../registry/index.ts';
import type { JourneyJson, Viewer } from './present.ts';
import type { JourneySummary, QueueItem } from './queries.ts';

export const JOURNEY_PATHS = {
  mine: { de: '/mein-weg', en: '/my-journey' },
  journey: { de: '/wege/:id', en: '/journeys/:id' },
  command: { de: '/wege/:id/befehl', en: '/journeys/:id/command' },
  step: { de: '/wege/:id/schritte/:step', en: '/journeys/:id/steps/:step' },
  employer: { de: '/arbeitgeber/wege', en: '/employer/journeys' },
  counsellor: { de: '/beratung/wege', en: '/counselling/journeys' },
  queue: { de: '/behoerde/arbeitsliste', en: '/authority/work-queue' },
  addFamily: { de: '/wege/:id/familie/neu', en: '/journeys/:id/family/new' },
} as const;

export const href = (
  ctx: ViewContext,
  key: keyof typeof JOURNEY_PATHS,
  params: Record<string, string> = {},
) => localizedUrl(JOURNEY_PATHS[key], ctx.locale, params);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Renders a message of the core, formatting ISO dates for the language. */
export function msg(ctx: ViewContext, m: Message): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.values ?? {})) {
    values[k] = typeof v === 'string' && ISO_DAY.test(v) ? ctx.t.date(v) : (v as string | number);
  }
  return ctx.t.t(m.key, values);
}

export function Page({
  ctx,
  title,
  children,
}: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {children}
    </Layout>
  );
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

type NoticeRow = { id: string; messageKey: string; values: unknown; createdAt: Date };

function Notices({ ctx, title, rows }: { ctx: ViewContext; title: string; rows: readonly NoticeRow[] }) {
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

// ---- Mein Weg ------------------------------------------------------------------------------------------------

export interface OpenForm {
  pathway?: string;
  kind?: string;
  regulation?: string;
  location?: string;
  occupation?: string;
  stateCode?: string;
  districtAgs?: string;
  countryCode?: string;
}

export function MinePage(props: {
  ctx: ViewContext;
  journeys: readonly JourneySummary[];
  notices: readonly NoticeRow[];
  form?: OpenForm;
  errors?: readonly FieldError[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const f = props.form ?? {};
  const err = (field: string) => props.errors?.find((e) => e.field === field);
  return (
    <Page ctx={ctx} title={t.t('journeys.mine.title')}>
      <p class="kern-body">{t.t('journeys.mine.intro')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      <Notices ctx={ctx} title={t.t('journeys.mine.notices')} rows={props.notices} />
      <h2 class="kern-heading-medium">{t.t('journeys.mine.list')}</h2>
      {props.journeys.length === 0 ? (
        <p class="kern-body">{t.t('journeys.mine.none')}</p>
      ) : (
        <ul class="kern-list">
          {props.journeys.map((j) => (
            <li key={j.id}>
              <a class="kern-link" href={href(ctx, 'journey', { id: j.id })}>
                {pathwayTitle(ctx, j.pathway)}
              </a>{' '}
              – {t.t(`journeys.journey.status.${j.status}`)}
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium" id="start">
        {t.t('journeys.mine.start')}
      </h2>
      <p class="kern-body">{t.t('journeys.mine.start-hint')}</p>
      <form method="post" action={href(ctx, 'mine')} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          name="pathway"
          label={t.t('journeys.field.pathway')}
          value={f.pathway ?? ''}
          error={err('body.facts.pathway')}
          options={PATHWAY_IDS.map((p) => ({ value: p, label: pathwayTitle(ctx, p) }))}
        />
        <RadioGroup
          name="kind"
          label={t.t('journeys.field.qualification-kind')}
          value={f.kind ?? ''}
          error={err('body.facts.qualification.kind')}
          options={QUALIFICATION_KINDS.map((k) => ({ value: k, label: t.t(`journeys.kind.${k}`) }))}
        />
        <RadioGroup
          name="regulation"
          label={t.t('journeys.field.regulation')}
          value={f.regulation ?? ''}
          error={err('body.facts.qualification.regulation')}
          options={(['not-regulated', 'federal', 'state'] as const).map((r) => ({
            value: r,
            label: t.t(`journeys.regulation.${r}`),
          }))}
        />
        <RadioGroup
          name="location"
          label={t.t('journeys.field.location')}
          value={f.location ?? ''}
          error={err('body.facts.location')}
          options={(['abroad', 'germany'] as const).map((l) => ({
            value: l,
            label: t.t(`journeys.location.${l}`),
          }))}
        />
        <TextInput
          name="occupation"
          label={t.t('journeys.field.occupation')}
          value={f.occupation ?? ''}
          maxLength={200}
          error={err('body.occupation')}
        />
        <Select
          name="stateCode"
          label={t.t('journeys.field.state')}
          value={f.stateCode ?? ''}
          error={err('body.place.stateCode')}
          options={SIX_STATES.map((s) => ({ value: s, label: t.t(`journeys.state.${s}`) }))}
        />
        <TextInput
          name="districtAgs"
          label={t.t('journeys.field.district')}
          hint={t.t('journeys.field.district-hint')}
          value={f.districtAgs ?? ''}
          inputMode="numeric"
          width={8}
          error={err('body.place.districtAgs')}
        />
        <TextInput
          name="countryCode"
          label={t.t('journeys.field.country')}
          hint={t.t('journeys.field.country-hint')}
          value={f.countryCode ?? ''}
          width={4}
          error={err('body.place.countryCode')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('journeys.button.open')}</span>
        </button>
      </form>
    </Page>
  );
}

// ---- The journey -------------------------------------------------------------------------------------------------

export interface JourneyPageProps {
  ctx: ViewContext;
  journey: JourneyJson;
  viewer: Viewer;
  /** Organisations the viewer acts for (authorities: link to the steps they own). */
  organisationIds: readonly string[];
  consented: readonly { id: string; name: string }[];
  employers: readonly { id: string; name: string }[];
  history: readonly { version: number; type: string; at: Date; role: string }[];
  /** Documents shared with the viewer (employer, counsellor, authority); undefined for the applicant. */
  shared?: readonly SharedDocument[] | undefined;
  /** The applicant's own documents, to answer a request for documents. */
  own?: readonly SharedDocument[] | undefined;
  notice?: Notice | undefined;
  errors?: readonly FieldError[];
  /** The family: linked journeys on a principal's journey, the link back on a family member's (family-views.tsx). */
  family?: ComponentChildren;
}

function dueText(ctx: ViewContext, s: JourneyJson['steps'][number]) {
  if (s.effectiveDueAt === null) return ctx.t.t('journeys.due.none');
  const base = ctx.t.date(s.effectiveDueAt);
  const paused = s.pausedSince
    ? ` (${ctx.t.t('journeys.due.paused', { date: ctx.t.date(s.pausedSince) })})`
    : '';
  return `${base}${paused}`;
}

function statusBadge(ctx: ViewContext, s: JourneyJson['steps'][number]) {
  const text =
    s.status === 'decided'
      ? `${ctx.t.t('journey.status.decided')}: ${ctx.t.t(s.deemed ? 'journey.outcome.deemed' : `journey.outcome.${s.outcome}`)}`
      : ctx.t.t(`journey.status.${s.status}`);
  const kind =
    s.status === 'decided'
      ? s.outcome === 'negative'
        ? 'danger'
        : 'success'
      : s.status === 'waiting-for-applicant'
        ? 'warning'
        : 'info';
  return <Badge kind={kind} text={text} />;
}

function CommandButton(props: {
  ctx: ViewContext;
  id: string;
  label: string;
  fields: Record<string, string>;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={href(props.ctx, 'command', { id: props.id })} class="inline-form">
      <CsrfField ctx={props.ctx} />
      {Object.entries(props.fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button class={`kern-btn kern-btn--${props.secondary ? 'secondary' : 'primary'}`} type="submit">
        <span class="kern-label">{props.label}</span>
      </button>
    </form>
  );
}

export function JourneyPage(props: JourneyPageProps) {
  const { ctx, journey: j, viewer } = props;
  const { t } = ctx;
  const required = j.steps.filter((s) => s.status !== 'not-required');
  const done = required.filter((s) => s.status === 'decided' || s.status === 'withdrawn').length;
  const title = t.t('journeys.journey.title', { pathway: pathwayTitle(ctx, j.pathway) });
  const owners = [
    ...new Map(
      j.steps.flatMap((s) => (s.owner?.name ? [[s.owner.id, s.owner.name] as const] : [])),
    ).entries(),
  ];
  return (
    <Page ctx={ctx} title={title}>
      <Notice ctx={ctx} notice={props.notice} />
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      <section aria-labelledby="where">
        <h2 class="kern-heading-medium" id="where">
          {t.t('journeys.journey.where')}
        </h2>
        <p class="kern-body" id="journey-status">
          <Badge
            kind={j.status === 'completed' ? 'success' : 'info'}
            text={t.t(`journeys.journey.status.${j.status}`)}
          />{' '}
          {t.t('journeys.journey.where-text', { done, total: required.length })}
        </p>
      </section>
      {props.family}
      {j.tasks && (viewer === 'applicant' || viewer === 'counsellor' || viewer === 'family') ? (
        <section aria-labelledby="next">
          <h2 class="kern-heading-medium" id="next">
            {t.t('journeys.journey.next')}
          </h2>
          {viewer === 'family' ? <p class="kern-body">{t.t('journeys.family.next-hint')}</p> : null}
          {j.tasks.filter((x) => x.kind === 'act').length === 0 ? (
            <p class="kern-body">{t.t('journeys.journey.next-none')}</p>
          ) : null}
          <ul class="kern-list">
            {j.tasks.map((task) => (
              <li key={task.step}>
                <strong>{t.t(`journey.step.${task.step}`)}:</strong> {msg(ctx, task.message)}
                {task.dueAt ? ` ${t.t('journeys.journey.by', { date: t.date(task.dueAt) })}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {j.employerTasks && viewer === 'employer' ? (
        <section aria-labelledby="employer-tasks">
          <h2 class="kern-heading-medium" id="employer-tasks">
            {t.t('journeys.journey.employer-tasks')}
          </h2>
          <ul class="kern-list">
            {j.employerTasks.map((task) => (
              <li key={task.key}>
                {msg(ctx, task.message)} ({t.t(task.done ? 'journeys.task.done' : 'journeys.task.open')})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Actions {...props} />
      <section aria-labelledby="steps">
        <h2 class="kern-heading-medium" id="steps">
          {t.t('journeys.journey.steps')}
        </h2>
        <Table
          caption={t.t('journeys.journey.steps')}
          head={[
            t.t('journeys.col.step'),
            t.t('journeys.col.status'),
            t.t('journeys.col.owner'),
            t.t('journeys.col.due'),
          ]}
        >
          {j.steps.map((s) => {
            const mine = s.owner !== null && props.organisationIds.includes(s.owner.id);
            return (
              <tr key={s.kind} class="kern-table__row" id={`step-${s.kind}`}>
                {td(
                  <>
                    {mine ? (
                      <a class="kern-link" href={href(ctx, 'step', { id: j.id, step: s.kind })}>
                        {t.t(`journey.step.${s.kind}`)}
                      </a>
                    ) : (
                      t.t(`journey.step.${s.kind}`)
                    )}
                    {s.status === 'not-required' ? (
                      <div class="kern-hint">
                        {t.t('journeys.step.not-needed-reason', { reason: msg(ctx, s.reason) })}
                      </div>
                    ) : null}
                  </>,
                )}
                {td(
                  <>
                    {statusBadge(ctx, s)}
                    {s.deadlineStatus === 'breached' || s.deadlineStatus === 'near-breach' ? (
                      <>
                        {' '}
                        <Badge
                          kind={s.deadlineStatus === 'breached' ? 'danger' : 'warning'}
                          text={t.t(`journey.deadline-status.${s.deadlineStatus}`)}
                        />
                      </>
                    ) : null}
                  </>,
                )}
                {td(s.owner?.name ?? t.t(`journey.role.${s.ownerRole}`))}
                {td(dueText(ctx, s))}
              </tr>
            );
          })}
        </Table>
      </section>
      {viewer === 'applicant' ? (
        <section aria-labelledby="who">
          <h2 class="kern-heading-medium" id="who">
            {t.t('journeys.journey.who')}
          </h2>
          <ul class="kern-list">
            <li>{t.t('journeys.journey.who-you')}</li>
            {j.employer?.name ? (
              <li>{t.t('journeys.journey.who-employer', { name: j.employer.name })}</li>
            ) : (
              <li>{t.t('journeys.journey.who-none')}</li>
            )}
            {props.consented.map((c) => (
              <li key={c.id}>{t.t('journeys.journey.who-consent', { name: c.name })}</li>
            ))}
            {owners.map(([id, name]) => (
              <li key={id}>{t.t('journeys.journey.who-owner', { name })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.shared ? <SharedDocuments ctx={ctx} documents={props.shared} /> : null}
      <section aria-labelledby="history">
        <h2 class="kern-heading-medium" id="history">
          {t.t('journeys.journey.history')}
        </h2>
        <Table
          caption={t.t('journeys.journey.history')}
          head={[t.t('journeys.col.when'), t.t('journeys.col.what'), t.t('journeys.col.who')]}
        >
          {props.history.map((e) => (
            <tr key={e.version} class="kern-table__row">
              {td(t.date(e.at, 'short'))}
              {td(e.type)}
              {td(t.t(`journey.role.${e.role}`))}
            </tr>
          ))}
        </Table>
      </section>
    </Page>
  );
}

function Actions(props: JourneyPageProps) {
  const { ctx, journey: j, viewer } = props;
  const { t } = ctx;
  const buttons: ComponentChildren[] = [];
  if (viewer === 'applicant') {
    if (j.employer === null && props.employers.length > 0) {
      buttons.push(
        <form key="invite" method="post" action={href(ctx, 'command', { id: j.id })}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="type" value="invite-employer" />
          <Select
            name="employerId"
            label={t.t('journeys.field.employer')}
            options={props.employers.map((e) => ({ value: e.id, label: e.name }))}
          />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('journeys.button.invite')}</span>
          </button>
        </form>,
      );
    }
    for (const s of j.steps) {
      const label = t.t(`journey.step.${s.kind}`);
      if (s.status === 'waiting-for-applicant') {
        const own = props.own ?? [];
        buttons.push(
          <form key={`documents-${s.kind}`} method="post" action={href(ctx, 'command', { id: j.id })}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="type" value="submit-documents" />
            <input type="hidden" name="step" value={s.kind} />
            <fieldset class="kern-fieldset">
              <legend class="kern-label">{t.t('journeys.documents.choose', { step: label })}</legend>
              <p class="kern-hint">
                {t.t('journeys.documents.requested', { missing: s.missing.join(', ') })}
              </p>
              {own.length === 0 ? <p class="kern-body">{t.t('journeys.documents.upload-first')}</p> : null}
              {own.map((d, i) => (
                <div key={d.id} class="kern-form-check">
                  <input
                    class="kern-form-check__checkbox"
                    type="checkbox"
                    id={`doc-${s.kind}-${i}`}
                    name="documents"
                    value={d.id}
                  />
                  <label class="kern-label" for={`doc-${s.kind}-${i}`}>
                    {d.fileName}
                  </label>
                </div>
              ))}
            </fieldset>
            {own.length > 0 ? (
              <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{t.t('journeys.documents.send', { step: label })}</span>
              </button>
            ) : null}
          </form>,
        );
      }
      if (
        s.status === 'not-started' &&
        s.kind !== 'accelerated-procedure' &&
        STEP_ROLES[s.kind].submitters.includes('applicant')
      ) {
        buttons.push(
          <div key={`submit-${s.kind}`} class="journey-action">
            <p class="kern-body">{label}</p>
            <CommandButton
              ctx={ctx}
              id={j.id}
              label={t.t('journeys.button.submit-step', { step: label })}
              fields={{ type: 'submit', step: s.kind }}
            />
          </div>,
        );
      }
    }
  }
  if (viewer === 'employer') {
    if (j.acceleratedProcedure === null) {
      buttons.push(
        <form key="81a" method="post" action={href(ctx, 'command', { id: j.id })}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="type" value="start-accelerated-procedure" />
          <div class="kern-form-check">
            <input
              class="kern-form-check__checkbox"
              type="checkbox"
              id="field-powerOfAttorney"
              name="powerOfAttorney"
              value="yes"
            />
            <label class="kern-label" for="field-powerOfAttorney">
              {t.t('journeys.field.power-of-attorney')}
            </label>
          </div>
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('journeys.button.start-81a')}</span>
          </button>
        </form>,
      );
    }
    const ba = j.steps.find((s) => s.kind === 'ba-approval');
    if (ba?.status === 'not-started') {
      buttons.push(
        <CommandButton
          key="ba"
          ctx={ctx}
          id={j.id}
          label={t.t('journeys.button.employment-declaration')}
          fields={{ type: 'submit', step: 'ba-approval' }}
        />,
      );
    }
  }
  if (buttons.length === 0) return null;
  return (
    <section aria-labelledby="actions">
      <h2 class="kern-heading-medium" id="actions">
        {t.t('journeys.journey.actions')}
      </h2>
      {buttons}
    </section>
  );
}

// ---- Lists -------------------------------------------------------------------------------------------------------

export function JourneyListPage(props: {
  ctx: ViewContext;
  title: string;
  none: string;
  journeys: readonly JourneySummary[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={props.title}>
      {props.journeys.length === 0 ? (
        <p class="kern-body">{props.none}</p>
      ) : (
        <Table
          caption={props.title}
          head={[
            t.t('journeys.col.applicant'),
            t.t('journeys.col.pathway'),
            t.t('journeys.col.status'),
            t.t('journeys.col.updated'),
          ]}
        >
          {props.journeys.map((j) => (
            <tr key={j.id} class="kern-table__row">
              {td(
                <a class="kern-link" href={href(ctx, 'journey', { id: j.id })}>
                  {j.applicantName}
                </a>,
              )}
              {td(pathwayTitle(ctx, j.pathway))}
              {td(t.t(`journeys.journey.status.${j.status}`))}
              {td(t.date(j.updatedAt, 'short'))}
            </tr>
          ))}
        </Table>
      )}
    </Page>
  );
}

export function QueuePage(props: {
  ctx: ViewContext;
  items: readonly QueueItem[];
  total: number;
  /** True when the queue holds more steps than were counted (`total`). */
  totalIsLowerBound: boolean;
  offset: number;
  limit: number;
  rates: readonly {
    organisationId: string | null;
    name: string;
    rate: number | null;
    total: number;
    closedLate: number;
    runningBreached: number;
  }[];
  alerts: readonly NoticeRow[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const base = href(ctx, 'queue');
  return (
    <Page ctx={ctx} title={t.t('journeys.queue.title')}>
      <p class="kern-body">{t.t('journeys.queue.intro')}</p>
      <section aria-labelledby="on-time">
        <h2 class="kern-heading-medium" id="on-time">
          {t.t('journeys.queue.on-time')}
        </h2>
        <ul class="kern-list">
          {props.rates.map((r) => (
            <li key={r.organisationId ?? r.name}>
              {r.rate === null
                ? t.t('journeys.queue.on-time-none', { name: r.name })
                : t.t('journeys.queue.on-time-rate', {
                    name: r.name,
                    rate: r.rate,
                    total: r.total,
                    late: r.closedLate + r.runningBreached,
                  })}
            </li>
          ))}
        </ul>
      </section>
      <Notices ctx={ctx} title={t.t('journeys.queue.alerts')} rows={props.alerts} />
      <p class="kern-body">
        {t.t(props.totalIsLowerBound ? 'journeys.queue.total-more' : 'journeys.queue.total', {
          total: props.total,
        })}
      </p>
      {props.items.length === 0 ? (
        <p class="kern-body">{t.t('journeys.queue.none')}</p>
      ) : (
        <Table
          caption={t.t('journeys.queue.title')}
          head={[
            t.t('journeys.col.due'),
            t.t('journeys.col.step'),
            t.t('journeys.col.applicant'),
            t.t('journeys.col.status'),
          ]}
        >
          {props.items.map((i) => (
            <tr
              key={`${i.journeyId}-${i.kind}`}
              class={`kern-table__row${i.deadline === 'breached' ? ' queue-overdue' : ''}`}
            >
              {td(
                <>
                  {i.effectiveDueAt ? t.date(i.effectiveDueAt) : t.t('journeys.due.none')}
                  {i.deadline === 'breached' ? (
                    <>
                      {' '}
                      <Badge kind="danger" text={t.t('journeys.queue.overdue')} />
                    </>
                  ) : i.deadline === 'near-breach' ? (
                    <>
                      {' '}
                      <Badge kind="warning" text={t.t('journey.deadline-status.near-breach')} />
                    </>
                  ) : null}
                </>,
              )}
              {td(
                <a class="kern-link" href={href(ctx, 'step', { id: i.journeyId, step: i.kind })}>
                  {t.t(`journey.step.${i.kind}`)}
                </a>,
              )}
              {td(i.applicantName)}
              {td(t.t(`journey.status.${i.status}`))}
            </tr>
          ))}
        </Table>
      )}
      <p class="kern-body">
        {props.offset > 0 ? (
          <a class="kern-link" href={`${base}?offset=${Math.max(0, props.offset - props.limit)}`}>
            {t.t('journeys.queue.previous-page')}
          </a>
        ) : null}{' '}
        {props.offset + props.limit < props.total ? (
          <a class="kern-link" href={`${base}?offset=${props.offset + props.limit}`}>
            {t.t('journeys.queue.next-page')}
          </a>
        ) : null}
      </p>
    </Page>
  );
}

// ---- Step page (authority) ---------------------------------------------------------------------------------------

export interface StepForm {
  action?: string;
  outcome?: string;
  reason?: string;
  missing?: string;
  birthDate?: string;
  professionKey?: string;
  professionTitle?: string;
  legalBasis?: string;
  adjustmentMeasures?: string;
}

export function StepPage(props: {
  ctx: ViewContext;
  journey: JourneyJson;
  applicantName: string;
  step: StepKind;
  /** The ids of the documents attached to the step (all of them; the page shows what the viewer may know). */
  attached?: readonly string[];
  /** The viewer's organisation owns the step: its form, and attached documents not shared with it as placeholders. */
  works?: boolean;
  /** The viewer is the applicant. */
  own?: boolean;
  shared?: readonly SharedDocument[];
  /** The applicant's documents the authority may read, for the checklist. */
  documentViews?: readonly DocumentView[];
  form?: StepForm;
  errors?: readonly FieldError[];
  notice?: Notice | undefined;
}) {
  const { ctx, journey: j } = props;
  const { t } = ctx;
  const s = j.steps.find((x) => x.kind === props.step);
  if (!s) return null;
  const f = props.form ?? {};
  const err = (field: string) => props.errors?.find((e) => e.field === field);
  const final = s.status === 'decided' || s.status === 'withdrawn';
  const outcomes = STEP_ROLES[s.kind].outcomes;
  const actions = ['start-review', 'request-documents', 'documents-complete', 'decide'] as const;
  // The applicant (every document is theirs) and the step's owner see every attached document; others only those
  // shared with them, and nothing of how many others there are.
  const own = props.own === true;
  const attached = (props.attached ?? []).filter(
    (d) => props.works || own || props.shared?.some((x) => x.id === d),
  );
  return (
    <Page ctx={ctx} title={t.t(`journey.step.${s.kind}`)}>
      <Notice ctx={ctx} notice={props.notice} />
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      <p class="kern-body">{t.t('journeys.step.applicant', { name: props.applicantName })}</p>
      <p class="kern-body">
        {statusBadge(ctx, s)} {dueText(ctx, s)}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'journey', { id: j.id })}>
          {t.t('journeys.journey.title', { pathway: pathwayTitle(ctx, j.pathway) })}
        </a>
      </p>
      <DocumentChecklist
        ctx={ctx}
        items={checklistFor(s.kind, j.pathway as PathwayId)}
        documents={props.documentViews ?? []}
      />
      {s.missing.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t.t('journeys.step.missing')}</h2>
          <ul class="kern-list">
            {s.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="kern-heading-medium">{t.t('journeys.step.documents')}</h2>
      {attached.length === 0 ? (
        <p class="kern-body">
          {t.t(props.works || own ? 'journeys.step.documents-none' : 'journeys.step.documents-none-shared')}
        </p>
      ) : (
        <ul class="kern-list">
          {attached.map((d) => {
            const shared = props.shared?.find((x) => x.id === d);
            return (
              <li key={d}>
                {shared ? (
                  <a class="kern-link" href={contentUrl(shared.id)}>
                    {shared.fileName}
                  </a>
                ) : (
                  t.t('journeys.step.document-not-shared')
                )}
              </li>
            );
          })}
        </ul>
      )}
      <SharedDocuments ctx={ctx} documents={props.shared ?? []} />
      {props.works ? (
        <>
          <h2 class="kern-heading-medium">{t.t('journeys.step.decide')}</h2>
          {final ? (
            <p class="kern-body">{t.t('journeys.step.final')}</p>
          ) : (
            <form method="post" action={href(ctx, 'step', { id: j.id, step: s.kind })} novalidate>
              <CsrfField ctx={ctx} />
              <RadioGroup
                name="action"
                label={t.t('journeys.field.action')}
                value={f.action ?? ''}
                error={err('body.action')}
                options={actions.map((a) => ({ value: a, label: t.t(`journeys.action.${a}`) }))}
              />
              <RadioGroup
                name="outcome"
                label={t.t('journeys.field.outcome')}
                value={f.outcome ?? ''}
                error={err('body.outcome')}
                options={outcomes.map((o) => ({ value: o, label: t.t(`journey.outcome.${o}`) }))}
              />
              <TextArea
                name="reason"
                label={t.t('journeys.field.reason')}
                hint={t.t('journeys.field.reason-hint')}
                value={f.reason ?? ''}
                maxLength={4000}
                error={err('body.reason')}
              />
              <TextArea
                name="missing"
                label={t.t('journeys.field.missing')}
                value={f.missing ?? ''}
                rows={3}
                error={err('body.missing')}
              />
              {s.kind === 'recognition' ? (
                <fieldset class="kern-fieldset">
                  <legend class="kern-label">{t.t('journeys.record.title')}</legend>
                  <p class="kern-hint">{t.t('journeys.record.hint')}</p>
                  <TextInput
                    name="record.birthDate"
                    label={t.t('journeys.record.birth-date')}
                    value={f.birthDate ?? ''}
                    width={16}
                    error={err('body.record.birthDate')}
                  />
                  <Select
                    name="record.professionKey"
                    label={t.t('journeys.record.profession-key')}
                    value={f.professionKey ?? ''}
                    error={err('body.record.professionKey')}
                    options={[
                      { value: '', label: '–' },
                      ...RECORD_PROFESSIONS.map((p) => ({ value: p, label: p })),
                    ]}
                  />
                  <TextInput
                    name="record.professionTitle"
                    label={t.t('journeys.record.profession-title')}
                    value={f.professionTitle ?? ''}
                    error={err('body.record.professionTitle')}
                  />
                  <TextInput
                    name="record.legalBasis"
                    label={t.t('journeys.record.legal-basis')}
                    value={f.legalBasis ?? ''}
                    error={err('body.record.legalBasis')}
                  />
                  <TextArea
                    name="record.adjustmentMeasures"
                    label={t.t('journeys.record.adjustment-measures')}
                    value={f.adjustmentMeasures ?? ''}
                    rows={3}
                    error={err('body.record.adjustmentMeasures')}
                  />
                </fieldset>
              ) : null}
              <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{t.t('journeys.button.save')}</span>
              </button>
            </form>
          )}
        </>
      ) : null}
    </Page>
  );
}

export const ALL_STEPS = STEP_KINDS;

/** Links to the journey pages a person's roles open (for the account page; the navigation is the same for all). */
export function JourneyLinks({ ctx, roles }: { ctx: ViewContext; roles: readonly string[] }) {
  const { t } = ctx;
  const links: { key: keyof typeof JOURNEY_PATHS; label: string }[] = [];
  if (roles.some((r) => r === 'applicant' || r === 'family-member'))
    links.push({ key: 'mine', label: t.t('journeys.nav.mine') });
  if (roles.some((r) => r === 'employer-admin' || r === 'employer-member'))
    links.push({ key: 'employer', label: t.t('journeys.employer.title') });
  if (roles.includes('counsellor'))
    links.push({ key: 'counsellor', label: t.t('journeys.counsellor.title') });
  if (
    roles.some((r) =>
      [
        'recognition-officer',
        'foreigners-office-caseworker',
        'mission-officer',
        'employment-agency-officer',
      ].includes(r),
    )
  )
    links.push({ key: 'queue', label: t.t('journeys.queue.title') });
  if (links.length === 0) return null;
  return (
    <ul class="kern-list journey-links">
      {links.map((l) => (
        <li key={l.key}>
          <a class="kern-link" href={href(ctx, l.key)}>
            {l.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** "Start a journey with this way": the form of "Mein Weg" with the pathway chosen (for the pathway results). */
export function startJourneyUrl(locale: 'de' | 'en' | string, pathway: string): string {
  const lang = locale === 'en' ? 'en' : 'de';
  return `${localizedUrl(JOURNEY_PATHS.mine, lang)}?pathway=${encodeURIComponent(pathway)}#start`;
}

export interface SharedDocument {
  readonly id: string;
  readonly fileName: string;
  readonly category: string;
}

/** The applicant's documents the viewer may read (shared by consent), with download links. */
export function SharedDocuments({
  ctx,
  documents,
}: {
  ctx: ViewContext;
  documents: readonly SharedDocument[];
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="shared-documents">
      <h2 class="kern-heading-medium" id="shared-documents">
        {t.t('journeys.documents.shared')}
      </h2>
      {documents.length === 0 ? (
        <p class="kern-body">{t.t('journeys.documents.none')}</p>
      ) : (
        <ul class="kern-list">
          {documents.map((d) => (
            <li key={d.id}>
              <a class="kern-link" href={contentUrl(d.id)}>
                {d.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
