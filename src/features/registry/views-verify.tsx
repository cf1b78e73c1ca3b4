import type { PortabilityAnswer } from '../../domain/recognition/portability.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, ErrorSummary, Select, UnverifiedNote } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import type { StateRow } from '../regions/index.ts';
import type { VerifiedRecord } from './records.ts';

function stepText(ctx: ViewContext, step: string | null): string | null {
  if (!step) return null;
  const key = `registry.portability.step.${step}`;
  return ctx.t.has(key) ? ctx.t.t(key) : step;
}

export function VerifyPage(props: {
  ctx: ViewContext;
  code: string;
  record: VerifiedRecord | null;
  states: StateRow[];
  scope: PortabilityAnswer[];
  viewerState: string;
  errors: FieldError[];
  qrUrl: string;
  keyUrl: string;
}) {
  const { ctx, record } = props;
  const { t } = ctx;
  const stateName = (code: string) => {
    const s = props.states.find((x) => x.code === code);
    return s ? (ctx.locale === 'de' ? s.nameDe : s.nameEn) : code;
  };
  if (!record) {
    return (
      <Layout ctx={ctx} title={t.t('registry.verify.title')}>
        <h1 class="kern-heading-large">{t.t('registry.verify.title')}</h1>
        <ErrorSummary ctx={ctx} errors={props.errors} />
        {props.errors.length === 0 ? (
          <Alert kind="danger" title={t.t('registry.verify.not-found', { code: props.code })} />
        ) : null}
      </Layout>
    );
  }
  const p = record.payload;
  const viewer = props.scope.find((a) => a.toState === props.viewerState);
  return (
    <Layout ctx={ctx} title={t.t('registry.verify.title')}>
      <h1 class="kern-heading-large">{t.t('registry.verify.title')}</h1>
      {!record.signatureValid ? (
        <Alert kind="danger" title={t.t('registry.verify.signature.invalid')} />
      ) : record.status === 'withdrawn' ? (
        <Alert
          kind="warning"
          title={t.t('registry.verify.status.withdrawn', {
            date: record.row.withdrawnAt ? t.date(record.row.withdrawnAt) : '',
          })}
        >
          <p class="kern-body">{record.row.withdrawnReason}</p>
        </Alert>
      ) : (
        <Alert kind="success" title={t.t('registry.verify.status.valid')} />
      )}
      <h2 class="kern-heading-medium">{t.t('registry.verify.record')}</h2>
      <dl class="registry-facts">
        <dt>{t.t('registry.verify.code')}</dt>
        <dd>{p.code}</dd>
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
          {p.authority} ({stateName(p.issuingState)})
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
        <dt>{t.t('registry.verify.issued-at')}</dt>
        <dd>{t.date(p.issuedAt, 'short')}</dd>
      </dl>

      <h2 class="kern-heading-medium">{t.t('registry.verify.scope.title')}</h2>
      <p class="kern-body">{t.t('registry.verify.scope.lead', { state: stateName(p.issuingState) })}</p>
      <form method="get" action="" class="registry-form">
        <Select
          name="state"
          label={t.t('registry.verify.scope.viewer')}
          value={props.viewerState}
          error={props.errors.find((e) => e.field === 'state')}
          options={[
            { value: '', label: t.t('registry.form.choose-state') },
            ...props.states.map((s) => ({ value: s.code, label: stateName(s.code) })),
          ]}
        />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('registry.verify.scope.submit')}</span>
        </button>
      </form>
      {viewer ? (
        <p class="kern-body kern-body--large registry-viewer-answer">
          {t.t(`registry.verify.outcome.${viewer.outcome}`, { state: stateName(viewer.toState) })}{' '}
          {stepText(ctx, viewer.bridgingStep)}
          {viewer.verified ? null : (
            <>
              {' '}
              <UnverifiedNote ctx={ctx} />
            </>
          )}
        </p>
      ) : null}
      <div class="kern-table-responsive">
        <table class="kern-table kern-table--striped">
          <caption class="kern-title">{t.t('registry.verify.scope.caption')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">
                {t.t('registry.form.state')}
              </th>
              <th scope="col" class="kern-table__header">
                {t.t('registry.verify.scope.answer')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.scope.map((a) => (
              <tr key={a.toState} class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  {stateName(a.toState)}
                </th>
                <td class="kern-table__cell">
                  {t.t(`registry.verify.outcome.${a.outcome}`, { state: stateName(a.toState) })}{' '}
                  {stepText(ctx, a.bridgingStep)} {a.verified ? null : <UnverifiedNote ctx={ctx} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 class="kern-heading-medium">{t.t('registry.verify.offline.title')}</h2>
      <img
        class="registry-qr"
        src={props.qrUrl}
        alt={t.t('registry.verify.qr.alt', { code: p.code })}
        width="160"
        height="160"
      />
      <p class="kern-body">{t.t('registry.verify.offline.text', { keyId: record.row.keyId })}</p>
      <p class="kern-body">
        <a class="kern-link" href={props.keyUrl}>
          {t.t('registry.verify.key-link')}
        </a>
      </p>
    </Layout>
  );
}
