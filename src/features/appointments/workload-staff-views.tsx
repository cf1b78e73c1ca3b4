/**
 * The staff section of the workload page: the full-time caseworkers the office stored and the cases per
 * full-time caseworker (open cases ÷ FTE, decisions per FTE and week), or plainly that none is stored; the form to
 * enter a new figure from a day on (the history stays) and the figures entered so far.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { localizedUrl } from '../../web/paths.ts';
import type { StaffNumbers } from './staff-numbers.ts';
import { STAFFING_PATHS } from './staffing-page.ts';

export type StaffSectionProps = {
  numbers: StaffNumbers;
  input: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  saved: boolean;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A day as the date fields show it: `07.12.2026`. */
export const dottedDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const FIELDS = ['fte', 'effectiveFrom'] as const;

/** The form's field errors in the page's language: "<field>: <what is wrong>". */
export function staffFieldErrors(
  ctx: ViewContext,
  errors: readonly FieldError[],
  body: Readonly<Record<string, unknown>>,
): FieldError[] {
  return errors.map((e) => {
    const raw = body[e.field];
    const rule =
      raw === undefined || (typeof raw === 'string' && raw.trim() === '')
        ? 'required'
        : e.rule.startsWith('min:')
          ? 'negative'
          : e.rule.startsWith('max:')
            ? 'too-big'
            : 'format';
    const field = (FIELDS as readonly string[]).includes(e.field) ? e.field : 'fte';
    return {
      ...e,
      field,
      message: ctx.t.t('workload.staff.error', {
        field: ctx.t.t(`workload.staff.field.${field}`),
        rule: ctx.t.t(`workload.staff.rule.${field}.${rule}`),
      }),
    };
  });
}

/** The per-caseworker figures: open cases ÷ FTE and mean decisions per week ÷ FTE. */
export function perCaseworker(fte: number, open: number, decisionsPerWeek: number) {
  if (fte <= 0) return null;
  return { openPerFte: open / fte, decisionsPerFtePerWeek: decisionsPerWeek / fte };
}

export function StaffSection(props: {
  ctx: ViewContext;
  staff: StaffSectionProps;
  open: number;
  decisionsPerWeek: number;
}) {
  const { ctx, staff } = props;
  const { t } = ctx;
  const current = staff.numbers.current;
  const per = current ? perCaseworker(current.fte, props.open, props.decisionsPerWeek) : null;
  const errorOf = (f: string) => staff.errors.find((e) => e.field === f);
  return (
    <section aria-labelledby="staff">
      <h2 class="kern-heading-medium" id="staff">
        {t.t('workload.staff.title')}
      </h2>
      {staff.saved ? (
        <p class="kern-body" role="status">
          {t.t('workload.staff.saved')}
        </p>
      ) : null}
      {current === null ? (
        <p class="kern-body">{t.t('workload.staff.none')}</p>
      ) : (
        <dl class="kern-description-list">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.t('workload.staff.fte')}</dt>
            <dd class="kern-description-list-item__value">
              {t.t('workload.staff.fte-value', { fte: current.fte, date: t.date(current.effectiveFrom) })}
            </dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.t('workload.staff.open-per-fte')}</dt>
            <dd class="kern-description-list-item__value">
              {per ? t.t('workload.staff.cases', { n: round1(per.openPerFte) }) : t.t('workload.staff.zero')}
            </dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.t('workload.staff.decisions-per-fte')}</dt>
            <dd class="kern-description-list-item__value">
              {per
                ? t.t('workload.per-week', { n: round1(per.decisionsPerFtePerWeek) })
                : t.t('workload.staff.zero')}
            </dd>
          </div>
        </dl>
      )}
      {staff.numbers.history.length > 0 ? (
        <>
          <h3 class="kern-heading-small">{t.t('workload.staff.history')}</h3>
          <ul class="kern-list">
            {staff.numbers.history.map((h) => (
              <li key={h.recordedAt.toISOString()}>
                {t.t('workload.staff.history-line', {
                  fte: h.fte,
                  date: t.date(h.effectiveFrom),
                  recorded: t.date(h.recordedAt),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 class="kern-heading-small">{t.t('workload.staff.new')}</h3>
      <p class="kern-body">{t.t('workload.staff.new-intro')}</p>
      <form method="post" action={`${localizedUrl(STAFFING_PATHS.workload, ctx.locale)}#staff`} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          name="fte"
          label={t.t('workload.staff.field.fte')}
          hint={t.t('workload.staff.fte-hint')}
          value={staff.input.fte ?? ''}
          width={8}
          inputMode="decimal"
          error={errorOf('fte')}
        />
        <TextInput
          name="effectiveFrom"
          label={t.t('workload.staff.field.effectiveFrom')}
          hint={t.t('workload.staff.date-hint')}
          value={staff.input.effectiveFrom ?? ''}
          width={16}
          error={errorOf('effectiveFrom')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('workload.staff.save')}</span>
        </button>
      </form>
    </section>
  );
}
