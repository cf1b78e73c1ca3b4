import type { RecordPayload } from '../../domain/recognition/record.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { Back, errorOf } from './views-admin-controls.tsx';

export interface RecordListItem {
  code: string;
  person: string;
  profession: string;
  decisionDate: string;
  issuedAt: Date;
  status: 'valid' | 'withdrawn';
}

export function RecordsPage(props: {
  ctx: ViewContext;
  organisationName: string;
  records: RecordListItem[];
  errors: FieldError[];
  reasons: Record<string, string>;
  withdrawn: string;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.records.title')}>
      <h1 class="kern-heading-large">{t.t('registry.admin.records.title')}</h1>
      <p class="kern-body">{t.t('registry.admin.records.lead', { name: props.organisationName })}</p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={localizedUrl(REGISTRY_PATHS.adminRecordNew, ctx.locale)}>
          <span class="kern-label">{t.t('registry.admin.record-new.title')}</span>
        </a>
      </p>
      {props.withdrawn ? (
        <Alert kind="success" title={t.t('registry.admin.records.withdrawn', { code: props.withdrawn })} />
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.records.length === 0 ? (
        <p class="kern-body">{t.t('registry.admin.records.none')}</p>
      ) : (
        props.records.map((r) => (
          <section key={r.code} class="registry-admin-record" aria-labelledby={`record-${r.code}`}>
            <h2 class="kern-heading-small" id={`record-${r.code}`}>
              <a
                class="kern-link"
                href={localizedUrl(REGISTRY_PATHS.adminRecord, ctx.locale, { code: r.code })}
              >
                {r.code}
              </a>
              : {r.person}, {r.profession}
            </h2>
            <p class="kern-body">
              {t.t('registry.verify.decision-date')}: {t.date(r.decisionDate)} ·{' '}
              {t.t(`registry.admin.records.status.${r.status}`)}
            </p>
            {r.status === 'valid' ? (
              <form
                method="post"
                action={localizedUrl(REGISTRY_PATHS.adminRecordWithdraw, ctx.locale, { code: r.code })}
                class="registry-form"
                noValidate
              >
                <CsrfField ctx={ctx} />
                <TextInput
                  name={`reason-${r.code}`}
                  label={t.t('registry.admin.records.reason', { code: r.code })}
                  error={errorOf(errors, `reason-${r.code}`)}
                  value={props.reasons[r.code] ?? ''}
                  maxLength={500}
                  required
                />
                <button type="submit" class="kern-btn kern-btn--secondary">
                  <span class="kern-label">{t.t('registry.admin.records.withdraw', { code: r.code })}</span>
                </button>
              </form>
            ) : null}
          </section>
        ))
      )}
      {props.records.length > 0 ? <CsvLink ctx={ctx} /> : null}
    </Layout>
  );
}

export function IssuedRecordPage(props: {
  ctx: ViewContext;
  payload: RecordPayload;
  status: 'valid' | 'withdrawn';
  issued: boolean;
  qrUrl: string;
  verifyUrl: string;
}) {
  const { ctx, payload: p } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.record.title', { code: p.code })}>
      <Back
        ctx={ctx}
        href={localizedUrl(REGISTRY_PATHS.adminRecords, ctx.locale)}
        label="registry.admin.back.records"
      />
      <h1 class="kern-heading-large">{t.t('registry.admin.record.title', { code: p.code })}</h1>
      {props.issued ? <Alert kind="success" title={t.t('registry.admin.record.issued')} /> : null}
      {props.status === 'withdrawn' ? (
        <Alert kind="warning" title={t.t('registry.admin.records.status.withdrawn')} />
      ) : null}
      <dl class="registry-facts">
        <dt>{t.t('registry.verify.code')}</dt>
        <dd>
          <strong>{p.code}</strong>
        </dd>
        <dt>{t.t('registry.verify.person')}</dt>
        <dd>
          {p.person.name}, {t.t('registry.verify.born', { date: t.date(p.person.birthDate) })}
        </dd>
        <dt>{t.t('registry.verify.profession')}</dt>
        <dd>{p.profession.title}</dd>
        <dt>{t.t('registry.verify.equivalence')}</dt>
        <dd>{t.t(`registry.verify.equivalence.${p.equivalence}`)}</dd>
        {p.adjustmentMeasures.length > 0 ? (
          <>
            <dt>{t.t('registry.verify.measures')}</dt>
            <dd>{p.adjustmentMeasures.join('; ')}</dd>
          </>
        ) : null}
        <dt>{t.t('registry.verify.authority')}</dt>
        <dd>
          {p.authority} ({p.issuingState})
        </dd>
        <dt>{t.t('registry.answer.legal-basis')}</dt>
        <dd>{p.legalBasis}</dd>
        <dt>{t.t('registry.verify.decision-date')}</dt>
        <dd>{t.date(p.decisionDate)}</dd>
        {p.noticeReference ? (
          <>
            <dt>{t.t('registry.verify.notice')}</dt>
            <dd>{p.noticeReference}</dd>
          </>
        ) : null}
      </dl>
      <img
        class="registry-qr"
        src={props.qrUrl}
        alt={t.t('registry.verify.qr.alt', { code: p.code })}
        width="160"
        height="160"
      />
      <p class="kern-body">
        <a class="kern-link" href={props.verifyUrl}>
          {t.t('registry.admin.record.verify-link')}
        </a>
      </p>
    </Layout>
  );
}
