/**
 * The organisers' page of a fair: what it is, each organising state's answer (an officer answers for their own
 * state), the exhibitors' applications to approve or refuse, the talks and the form to add one.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, DescriptionList, ErrorSummary, RadioGroup, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { SessionInput } from './fair-form.ts';
import { FAIR_PATHS } from './paths.ts';
import { type FairDetail, isPublic, organisersOf } from './read.ts';
import { SessionList } from './session-list.tsx';
import { DayAndStart } from './time-fields.tsx';
import {
  countriesText,
  fairDays,
  type OccupationTitles,
  occupationsText,
  statesText,
  zoneName,
} from './words.tsx';

export function FairFacts({ ctx, f, names }: { ctx: ViewContext; f: FairDetail; names: OccupationTitles }) {
  const { t } = ctx;
  return (
    <DescriptionList
      rows={[
        [t.t('fairs.facts.days'), fairDays(ctx, f)],
        [t.t('fairs.facts.zone'), zoneName(f.timeZone)],
        [t.t('fairs.facts.organisers'), statesText(ctx, organisersOf(f))],
        [t.t('fairs.facts.countries'), countriesText(ctx, f.countries)],
        [t.t('fairs.facts.occupations'), occupationsText(ctx, f.occupations, names)],
      ]}
    />
  );
}

export interface OrganiseProps {
  ctx: ViewContext;
  f: FairDetail;
  names: OccupationTitles;
  /** The reader's state, if it was asked and has not answered yet. */
  openState: string | null;
  /** True when the reader's state organises the fair (agreed): they decide on exhibitors and add talks. */
  organiser: boolean;
  session: SessionInput;
  errors?: readonly FieldError[];
}

export function OrganisePage(props: OrganiseProps) {
  const { ctx, f, organiser } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const err = (field: string) => errors.find((e) => e.field === field);
  const applied = f.exhibitors.filter((e) => e.status === 'applied');
  return (
    <Page ctx={ctx} title={t.t('fairs.organise.title', { title: f.title })}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FairFacts ctx={ctx} f={f} names={props.names} />
      <h2 class="kern-heading-medium">{t.t('fairs.organise.states')}</h2>
      <ul class="kern-list">
        {f.states.map((s) => (
          <li key={s.stateCode}>
            {`${statesText(ctx, [s.stateCode])}: ${
              s.answer && s.answeredAt
                ? t.t(`fairs.answer.${s.answer}`, { date: t.date(s.answeredAt) })
                : t.t('fairs.answer.open')
            }`}
          </li>
        ))}
      </ul>
      {props.openState ? (
        <form method="post" action={localizedUrl(FAIR_PATHS.answer, ctx.locale, { id: f.id })}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="state" value={props.openState} />
          <RadioGroup
            name="answer"
            label={t.t('fairs.organise.answer', { state: statesText(ctx, [props.openState]) })}
            value=""
            options={[
              { value: 'agreed', label: t.t('fairs.organise.agree') },
              { value: 'declined', label: t.t('fairs.organise.decline') },
            ]}
            error={err('answer')}
          />
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t.t('fairs.organise.answer-submit')}</span>
          </button>
        </form>
      ) : null}
      {organiser ? (
        <>
          <h2 class="kern-heading-medium">{t.t('fairs.organise.applications')}</h2>
          {applied.length === 0 ? <p class="kern-body">{t.t('fairs.organise.applications-none')}</p> : null}
          {applied.map((e) => (
            <form
              key={e.organisationId}
              method="post"
              action={localizedUrl(FAIR_PATHS.exhibitor, ctx.locale, { id: f.id, org: e.organisationId })}
            >
              <CsrfField ctx={ctx} />
              <p class="kern-body">{e.name}</p>
              <button type="submit" name="to" value="approved" class="kern-btn kern-btn--primary">
                <span class="kern-label">{t.t('fairs.organise.approve')}</span>
                <span class="kern-sr-only">{` (${e.name})`}</span>
              </button>{' '}
              <button type="submit" name="to" value="refused" class="kern-btn kern-btn--secondary">
                <span class="kern-label">{t.t('fairs.organise.refuse')}</span>
                <span class="kern-sr-only">{` (${e.name})`}</span>
              </button>
            </form>
          ))}
          <h2 class="kern-heading-medium">{t.t('fairs.organise.exhibitors')}</h2>
          <ul class="kern-list">
            {f.exhibitors
              .filter((e) => e.status !== 'applied')
              .map((e) => (
                <li key={e.organisationId}>{`${e.name}: ${t.t(`fairs.exhibitor.${e.status}`)}`}</li>
              ))}
          </ul>
          {f.exhibitors.length > 0 ? <CsvLink ctx={ctx} /> : null}
          <h2 class="kern-heading-medium">{t.t('fairs.organise.sessions')}</h2>
          <SessionList ctx={ctx} sessions={f.sessions} timeZone={f.timeZone} />
          <form method="post" action={localizedUrl(FAIR_PATHS.sessions, ctx.locale, { id: f.id })} novalidate>
            <CsrfField ctx={ctx} />
            <TextInput
              name="title"
              label={t.t('fairs.field.session-title')}
              value={props.session.title}
              error={err('title')}
            />
            <TextInput
              name="link"
              type="text"
              label={t.t('fairs.field.link')}
              hint={t.t('fairs.field.link-hint')}
              value={props.session.link}
              error={err('link')}
            />
            <TextInput
              name="capacity"
              inputMode="numeric"
              label={t.t('fairs.field.capacity')}
              value={props.session.capacity}
              width={8}
              error={err('capacity')}
            />
            <DayAndStart
              ctx={ctx}
              day={props.session.day}
              start={props.session.start}
              timeZone={f.timeZone}
              err={err}
            />
            <TextInput
              name="end"
              label={t.t('fairs.field.end')}
              hint={t.t('fairs.field.clock-hint', { zone: zoneName(f.timeZone) })}
              value={props.session.end}
              width={8}
              error={err('end')}
            />
            <button type="submit" class="kern-btn kern-btn--primary">
              <span class="kern-label">{t.t('fairs.organise.add-session')}</span>
            </button>
          </form>
        </>
      ) : null}
      <p class="kern-body">
        {isPublic(f) ? (
          <a class="kern-link" href={localizedUrl(FAIR_PATHS.fair, ctx.locale, { id: f.id })}>
            {t.t('fairs.organise.public-page')}
          </a>
        ) : (
          t.t('fairs.organise.not-public')
        )}
        {' · '}
        <a class="kern-link" href={localizedUrl(FAIR_PATHS.figures, ctx.locale, { id: f.id })}>
          {t.t('fairs.organise.figures')}
        </a>
      </p>
    </Page>
  );
}
