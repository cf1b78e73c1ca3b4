/** The family on the journey pages: the linked journeys, the way back to the principal's, the form to add one. */
import { FAMILY_RELATIONSHIPS, FAMILY_TRAVEL } from '../../domain/journey/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, RadioGroup, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import type { FamilyEntry, FamilyLink } from './family-read.ts';
import { href } from './paths.tsx';
import { Badge, Page, pathwayTitle, Table, td } from './view-parts.tsx';

/** "Familie" on a principal's journey: each linked journey the viewer may see, and (for the principal) "add". */
export function FamilySection(props: {
  ctx: ViewContext;
  journeyId: string;
  entries: readonly FamilyEntry[];
  mayAdd: boolean;
}) {
  const { ctx, entries } = props;
  const { t } = ctx;
  if (entries.length === 0 && !props.mayAdd) return null;
  return (
    <section aria-labelledby="family">
      <h2 class="kern-heading-medium" id="family">
        {t.t('journeys.family.title')}
      </h2>
      {props.mayAdd ? <p class="kern-body">{t.t('journeys.family.intro')}</p> : null}
      {entries.length === 0 ? (
        <p class="kern-body">{t.t('journeys.family.none')}</p>
      ) : (
        <Table
          caption={t.t('journeys.family.caption')}
          head={[
            t.t('journeys.col.who'),
            t.t('journeys.family.col.relationship'),
            t.t('journeys.col.pathway'),
            t.t('journeys.family.col.current'),
            t.t('journeys.family.col.due'),
          ]}
        >
          {entries.map((f) => (
            <tr key={f.id} class="kern-table__row">
              {td(
                <a class="kern-link" href={href(ctx, 'journey', { id: f.id })}>
                  {f.name}
                </a>,
              )}
              {td(
                <>
                  {t.t(`journeys.family.relationship.${f.relationship}`)}
                  <div class="kern-hint">{t.t(`journeys.family.travel.${f.travel}`)}</div>
                </>,
              )}
              {td(pathwayTitle(ctx, f.pathway))}
              {td(
                f.currentStep ? (
                  <>
                    {t.t(`journey.step.${f.currentStep.kind}`)}:{' '}
                    <Badge kind="info" text={t.t(`journey.status.${f.currentStep.status}`)} />
                  </>
                ) : (
                  <Badge kind="success" text={t.t(`journeys.journey.status.${f.status}`)} />
                ),
              )}
              {td(f.nextDueAt ? t.date(f.nextDueAt) : t.t('journeys.due.none'))}
            </tr>
          ))}
        </Table>
      )}
      {props.mayAdd ? (
        <p class="kern-body">
          <a class="kern-link" href={href(ctx, 'addFamily', { id: props.journeyId })}>
            {t.t('journeys.family.add')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** On a family member's journey: who they are to the principal, and the way back to the principal's journey. */
export function FamilyLinkSection({ ctx, link }: { ctx: ViewContext; link: FamilyLink }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="family">
      <h2 class="kern-heading-medium" id="family">
        {t.t('journeys.family.title')}
      </h2>
      <p class="kern-body">
        {t.t('journeys.family.member', {
          name: link.name,
          relationship: t.t(`journeys.family.relationship.${link.relationship}`),
          travel: t.t(`journeys.family.travel.${link.travel}`),
        })}
      </p>
      <p class="kern-body">
        {link.principalVisible ? (
          <a class="kern-link" href={href(ctx, 'journey', { id: link.principalJourneyId })}>
            {t.t('journeys.family.to-principal')}
          </a>
        ) : (
          t.t('journeys.family.linked')
        )}
      </p>
    </section>
  );
}

export interface FamilyForm {
  relationship?: string;
  name?: string;
  birthDate?: string;
  travel?: string;
  email?: string;
}

/** "Familienangehörige hinzufügen": a form that works without JavaScript; bad input comes back with a summary. */
export function AddFamilyPage(props: {
  ctx: ViewContext;
  journeyId: string;
  pathway: string;
  form?: FamilyForm;
  errors?: readonly FieldError[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const f = props.form ?? {};
  const err = (field: string) => props.errors?.find((e) => e.field === `body.${field}`);
  return (
    <Page ctx={ctx} title={t.t('journeys.family.add')}>
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      <p class="kern-body">{t.t('journeys.family.add-intro')}</p>
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'journey', { id: props.journeyId })}>
          {t.t('journeys.journey.title', { pathway: pathwayTitle(ctx, props.pathway) })}
        </a>
      </p>
      <form method="post" action={href(ctx, 'addFamily', { id: props.journeyId })} novalidate>
        <CsrfField ctx={ctx} />
        <RadioGroup
          name="relationship"
          label={t.t('journeys.family.field.relationship')}
          value={f.relationship ?? ''}
          error={err('relationship')}
          options={FAMILY_RELATIONSHIPS.map((r) => ({
            value: r,
            label: t.t(`journeys.family.relationship.${r}`),
          }))}
        />
        <TextInput
          name="name"
          label={t.t('journeys.family.field.name')}
          value={f.name ?? ''}
          maxLength={200}
          autocomplete="off"
          error={err('name')}
        />
        <TextInput
          name="birthDate"
          label={t.t('journeys.family.field.birth-date')}
          hint={t.t('journeys.family.field.birth-date-hint')}
          value={f.birthDate ?? ''}
          width={16}
          error={err('birthDate')}
        />
        <RadioGroup
          name="travel"
          label={t.t('journeys.family.field.travel')}
          value={f.travel ?? ''}
          error={err('travel')}
          options={FAMILY_TRAVEL.map((x) => ({ value: x, label: t.t(`journeys.family.travel.${x}`) }))}
        />
        <TextInput
          name="email"
          type="email"
          label={t.t('journeys.family.field.email')}
          hint={t.t('journeys.family.field.email-hint')}
          value={f.email ?? ''}
          maxLength={320}
          autocomplete="off"
          error={err('email')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('journeys.family.button.add')}</span>
        </button>
      </form>
    </Page>
  );
}
