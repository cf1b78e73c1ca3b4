/**
 * The pages of an employer's invitation of a candidate (issue 16): the employer's list with the invitation form,
 * and the candidate's page that says who invites, what that employer will see, and asks to agree or decline.
 * Plain forms (POST with CSRF); no JavaScript needed.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, RadioGroup, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { type InvitationRow, invitationStatus } from './invitations.ts';
import { EMPLOYER_PATHS, guideUrl } from './paths.ts';
import type { EmployerRow } from './service.ts';

export function InvitationsPage(props: {
  ctx: ViewContext;
  e: EmployerRow;
  rows: readonly InvitationRow[];
  now: Date;
  input: { name: string; email: string };
  errors: readonly FieldError[];
  sent: boolean;
}) {
  const { ctx, e } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors.find((x) => x.field === f);
  const action = localizedUrl(EMPLOYER_PATHS.invitations, ctx.locale, { id: e.organisationId });
  return (
    <Page ctx={ctx} title={t.t('employers.invite.title', { employer: e.name })}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.sent ? <Alert kind="success" title={t.t('employers.invite.sent')} /> : null}
      <p class="kern-body">{t.t('employers.invite.lead')}</p>
      {e.trust === 'confirmed' ? (
        <form method="post" action={action} novalidate>
          <CsrfField ctx={ctx} />
          <TextInput
            name="name"
            label={t.t('employers.invite.name')}
            autocomplete="off"
            maxLength={200}
            value={props.input.name}
            error={err('name')}
          />
          <TextInput
            name="email"
            type="email"
            label={t.t('employers.invite.email')}
            autocomplete="off"
            maxLength={254}
            value={props.input.email}
            error={err('email')}
          />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('employers.invite.send')}</span>
          </button>
        </form>
      ) : (
        <p class="kern-body">{t.t('employers.invite.not-confirmed')}</p>
      )}
      <h2 class="kern-heading-medium">{t.t('employers.invite.list')}</h2>
      {props.rows.length === 0 ? (
        <p class="kern-body">{t.t('employers.invite.none')}</p>
      ) : (
        <table class="kern-table pathways-reflow">
          <caption class="kern-sr-only">{t.t('employers.invite.list')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {(['name', 'email', 'sent-on', 'status'] as const).map((c) => (
                <th key={c} scope="col" class="kern-table__header">
                  {t.t(`employers.invite.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.rows.map((r) => (
              <tr key={r.id} class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  {r.name}
                </th>
                <td class="kern-table__cell" data-label={t.t('employers.invite.col.email')}>
                  {r.email}
                </td>
                <td class="kern-table__cell" data-label={t.t('employers.invite.col.sent-on')}>
                  {t.date(r.createdAt)}
                </td>
                <td class="kern-table__cell" data-label={t.t('employers.invite.col.status')}>
                  {t.t(`employers.invite.status.${invitationStatus(r, props.now)}`, {
                    date: t.date(r.answeredAt ?? r.expiresAt),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="kern-body">
        <a class="kern-link" href={guideUrl(ctx.locale, 'check')}>
          {t.t('employers.guide.link')}
        </a>
      </p>
    </Page>
  );
}

export type OwnJourney = { id: string; pathway: string; label: string };

export function CandidatePage(props: {
  ctx: ViewContext;
  employer: EmployerRow;
  token: string;
  journeys: readonly OwnJourney[];
  startUrl: string;
  errors: readonly FieldError[];
}) {
  const { ctx, employer: e } = props;
  const { t } = ctx;
  const action = localizedUrl(EMPLOYER_PATHS.invitation, ctx.locale, { token: props.token });
  const journeyError = props.errors.find((x) => x.field === 'journey');
  return (
    <Page ctx={ctx} title={t.t('employers.candidate.title', { employer: e.name })}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <p class="kern-body">{t.t('employers.candidate.lead', { employer: e.name, town: e.town })}</p>
      <h2 class="kern-heading-medium">{t.t('employers.candidate.sees.title', { employer: e.name })}</h2>
      <ul class="kern-list">
        {(['name', 'steps', 'documents'] as const).map((k) => (
          <li key={k}>{t.t(`employers.candidate.sees.${k}`, { employer: e.name })}</li>
        ))}
      </ul>
      <p class="kern-body">{t.t('employers.candidate.not-sees')}</p>
      {props.journeys.length === 0 ? (
        <>
          <p class="kern-body">{t.t('employers.candidate.no-journey')}</p>
          <p class="kern-body">
            <a class="kern-btn kern-btn--primary" href={props.startUrl}>
              <span class="kern-label">{t.t('employers.candidate.start')}</span>
            </a>
          </p>
        </>
      ) : null}
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        {props.journeys.length > 1 ? (
          <RadioGroup
            name="journey"
            label={t.t('employers.candidate.which')}
            options={props.journeys.map((j) => ({ value: j.id, label: j.label }))}
            error={journeyError}
          />
        ) : props.journeys[0] ? (
          <input type="hidden" name="journey" value={props.journeys[0].id} />
        ) : null}
        {props.journeys.length > 0 ? (
          <p class="kern-body">
            <button class="kern-btn kern-btn--primary" type="submit" name="answer" value="accept">
              <span class="kern-label">{t.t('employers.candidate.accept', { employer: e.name })}</span>
            </button>
          </p>
        ) : null}
        <p class="kern-body">
          <button class="kern-btn kern-btn--secondary" type="submit" name="answer" value="decline">
            <span class="kern-label">{t.t('employers.candidate.decline')}</span>
          </button>
        </p>
      </form>
    </Page>
  );
}
