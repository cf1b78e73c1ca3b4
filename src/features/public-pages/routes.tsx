import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { fieldErrors } from '../../platform/http/errors.ts';
import { definePage } from '../../web/page.tsx';
import { PATHS } from '../../web/paths.ts';
import { accessibilityFeedback } from './schema.ts';
import { AccessibilityPage, HomePage, ImprintPage, PrivacyPage } from './views.tsx';

const feedbackBody = z.object({
  _csrf: z.string().optional(),
  page: z.string().trim().max(300, { error: 'accessibility.feedback.error.page-too-long' }).default(''),
  message: z
    .string({ error: 'accessibility.feedback.error.message-required' })
    .trim()
    .min(1, { error: 'accessibility.feedback.error.message-required' })
    .max(2000, { error: 'accessibility.feedback.error.message-too-long' }),
});

export function registerPublicPages(app: FastifyInstance, deps: AppDeps) {
  const { config } = deps;
  const publicPage = { public: 'public information page' };

  definePage(app, deps.web, {
    paths: PATHS.home,
    policy: publicPage,
    nav: { labelKey: 'nav.home', order: 0 },
    handler: async (_req, _reply, ctx) => <HomePage ctx={ctx} />,
  });
  definePage(app, deps.web, {
    paths: PATHS.imprint,
    policy: publicPage,
    handler: async (_req, _reply, ctx) => <ImprintPage ctx={ctx} operator={config} />,
  });
  definePage(app, deps.web, {
    paths: PATHS.privacy,
    policy: publicPage,
    handler: async (_req, _reply, ctx) => (
      <PrivacyPage ctx={ctx} operatorConfigured={Boolean(config.OPERATOR_NAME)} />
    ),
  });
  definePage(app, deps.web, {
    paths: PATHS.accessibility,
    policy: publicPage,
    handler: async (req, _reply, ctx) => {
      const saved = (req.query as Record<string, unknown>).saved;
      const savedId = typeof saved === 'string' && /^[0-9a-f-]{36}$/.test(saved) ? saved : undefined;
      return <AccessibilityPage ctx={ctx} operatorEmail={config.OPERATOR_EMAIL} savedId={savedId} />;
    },
  });
  definePage(app, deps.web, {
    paths: PATHS.accessibility,
    method: 'POST',
    policy: { public: 'anonymous accessibility feedback (BITV 2.0 § 7)' },
    rateLimit: {},
    handler: async (req, _reply, ctx) => {
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const parsed = feedbackBody.safeParse(raw);
      if (!parsed.success) {
        const errors = fieldErrors('body', parsed.error.issues).map((e) => ({
          ...e,
          field: e.field.replace(/^body\./, ''),
          message: ctx.t.has(e.message) ? ctx.t.t(e.message) : e.message,
        }));
        const form = { page: String(raw.page ?? ''), message: String(raw.message ?? '') };
        return {
          status: 422,
          view: (
            <AccessibilityPage ctx={ctx} operatorEmail={config.OPERATOR_EMAIL} form={form} errors={errors} />
          ),
        };
      }
      const [row] = await deps.database.db
        .insert(accessibilityFeedback)
        .values({ locale: ctx.locale, page: parsed.data.page || null, message: parsed.data.message })
        .returning({ id: accessibilityFeedback.id });
      return { redirect: `${ctx.alternates[ctx.locale].split('?')[0]}?saved=${row?.id ?? ''}#feedback` };
    },
  });
}
