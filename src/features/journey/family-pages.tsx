/**
 * "Familienangehörige hinzufügen" / "Add a family member" (no JavaScript needed): the principal's form posts and
 * redirects to the journey with 303; bad input re-renders with 422 (409 for a family member added already) and an
 * error summary naming the fields.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError, fieldErrors } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { isoFromInput } from '../../web/forms.ts';
import { definePage, type WebDeps } from '../../web/page.tsx';
import type { FamilyService } from './family.ts';
import { AddFamilyPage, type FamilyForm } from './family-views.tsx';
import { familyMemberSchema } from './input.ts';
import { actorOf, formOf, localise } from './page-forms.ts';
import { href, JOURNEY_PATHS } from './paths.tsx';
import type { JourneyService } from './service.ts';

/** Field errors in the visitor's language; the family's own rules (age, own address …) by name. */
/** The family form's fields by their labels, for errors that name the field. */
const FAMILY_LABELS = {
  relationship: 'journeys.family.field.relationship',
  name: 'journeys.family.field.name',
  birthDate: 'journeys.family.field.birth-date',
  travel: 'journeys.family.field.travel',
  email: 'journeys.family.field.email',
} as const;

function familyErrors(ctx: ViewContext, errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => {
    const key = `journeys.family.error.${e.rule}`;
    if (ctx.t.has(key)) return { ...e, message: ctx.t.t(key) };
    if (e.field === 'body.birthDate' && e.rule !== 'required')
      return { ...e, message: ctx.t.t('journeys.family.error.birth-date-format') };
    return localise(ctx, [e], FAMILY_LABELS)[0] ?? e;
  });
}

export function registerFamilyPages(
  app: FastifyInstance,
  web: WebDeps,
  service: JourneyService,
  family: FamilyService,
) {
  /** The principal's own journey (not a linked one), read and audited; anything else is "not found". */
  async function principalJourney(req: FastifyRequest) {
    const { id } = req.params as { id: string };
    const read = await service.read(actorOf(req), id, 'add a family member');
    if (read.relation !== 'own' || read.row.linkedTo !== null) throw new AppError('not-found');
    return read.row;
  }

  const render = async (
    req: FastifyRequest,
    ctx: ViewContext,
    form: FamilyForm = {},
    errors: FieldError[] = [],
  ) => {
    const row = await principalJourney(req);
    return <AddFamilyPage ctx={ctx} journeyId={row.id} pathway={row.pathway} form={form} errors={errors} />;
  };

  definePage(app, web, {
    paths: JOURNEY_PATHS.addFamily,
    policy: { action: 'create', resource: 'journey' },
    handler: async (req, _reply, ctx) => render(req, ctx),
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.addFamily,
    method: 'POST',
    policy: { action: 'create', resource: 'journey' },
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as { id: string };
      const f = formOf(req);
      const form: FamilyForm = {
        relationship: f.relationship ?? '',
        name: f.name ?? '',
        birthDate: (f.birthDate ?? '').trim(),
        travel: f.travel ?? '',
        email: (f.email ?? '').trim(),
      };
      const parsed = familyMemberSchema.safeParse({
        relationship: form.relationship || undefined,
        name: form.name,
        birthDate: isoFromInput(form.birthDate ?? ''),
        travel: form.travel || undefined,
        email: form.email,
      });
      if (!parsed.success) {
        const errors = familyErrors(ctx, fieldErrors('body', parsed.error.issues));
        return { status: 422, view: await render(req, ctx, form, errors) };
      }
      try {
        await family.add(actorOf(req), id, parsed.data);
      } catch (error) {
        if (!(error instanceof AppError) || error.errors.length === 0) throw error;
        const status = error.code === 'conflict' ? 409 : 422;
        return { status, view: await render(req, ctx, form, familyErrors(ctx, error.errors)) };
      }
      return { redirect: `${href(ctx, 'journey', { id })}?done=1` };
    },
  });
}
