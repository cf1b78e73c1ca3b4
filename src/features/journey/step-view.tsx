/** The step page: the step's status, checklist and documents; for the authority owning it, the form to decide it. */
import { FEE_REFERENCE_MAX, STEP_KINDS, STEP_ROLES, type StepKind } from '../../domain/journey/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, RadioGroup, Select, TextArea, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { localizedUrl } from '../../web/paths.ts';
import type { CurrentChecklist, DocumentView } from '../documents/index.ts';
import { contentUrl, DocumentChecklist } from '../documents/index.ts';
import { RECORD_PROFESSIONS } from '../registry/index.ts';
import { href, XAUSLAENDER_FILE_PATHS } from './paths.tsx';
import type { JourneyJson } from './present.ts';
import { type SharedDocument, SharedDocuments } from './shared-documents.tsx';
import { dueText, statusBadge } from './step-status.tsx';
import { Notice, Page, pathwayTitle } from './view-parts.tsx';

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
  /** The payment reference of the § 81a fee, recorded by the foreigners' office. */
  feeReference?: string;
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
  /** The step's standard checklist in force (documents' checklist service). */
  checklist: CurrentChecklist;
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
        items={props.checklist.items}
        version={props.checklist.version}
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
      {s.kind === 'accelerated-procedure' ? (
        <Fee81a
          ctx={ctx}
          journey={j}
          works={props.works === true}
          reference={f.feeReference ?? ''}
          error={err('body.reference')}
        />
      ) : null}
      {props.works && s.kind === 'accelerated-procedure' ? (
        <p class="kern-body">
          <a class="kern-link" href={localizedUrl(XAUSLAENDER_FILE_PATHS, ctx.locale, { id: j.id })}>
            {t.t('journeys.step.xauslaender')}
          </a>
        </p>
      ) : null}
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

/**
 * The § 81a fee on its step: whether the foreigners' office recorded it as paid (amount, day, reference), and for
 * the office owning the step the form to record the payment. Nothing before the employer started the procedure.
 */
function Fee81a(props: {
  ctx: ViewContext;
  journey: JourneyJson;
  works: boolean;
  reference: string;
  error: FieldError | undefined;
}) {
  const { ctx, journey: j } = props;
  const { t } = ctx;
  const fee = j.fee81a;
  if (fee === null) return null;
  const amount = fee.amount ?? 0;
  return (
    <section aria-labelledby="fee-81a">
      <h2 class="kern-heading-medium" id="fee-81a">
        {t.t('journeys.fee.title')}
      </h2>
      {fee.paid ? (
        <p class="kern-body" id="fee-status">
          {t.t('journeys.fee.paid', {
            fee: amount,
            paidOn: t.date(fee.paid.paidOn),
            reference: fee.paid.reference,
          })}
        </p>
      ) : (
        <>
          <p class="kern-body" id="fee-status">
            {t.t(props.works ? 'journeys.fee.open-owner' : 'journeys.fee.open', { fee: amount })}
          </p>
          {props.works ? (
            <form
              method="post"
              action={href(ctx, 'step', { id: j.id, step: 'accelerated-procedure' })}
              novalidate
            >
              <CsrfField ctx={ctx} />
              <input type="hidden" name="action" value="record-fee-payment" />
              <TextInput
                name="reference"
                label={t.t('journeys.fee.reference')}
                hint={t.t('journeys.fee.reference-hint')}
                value={props.reference}
                maxLength={FEE_REFERENCE_MAX}
                width={16}
                error={props.error}
              />
              <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">{t.t('journeys.fee.record', { fee: amount })}</span>
              </button>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}

export const ALL_STEPS = STEP_KINDS;
