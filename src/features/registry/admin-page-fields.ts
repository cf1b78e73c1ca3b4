import type { FastifyRequest } from 'fastify';
import { SIX_STATES } from '../../domain/recognition/portability.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { formBody } from './admin-forms.ts';
import { CORRECTABLE_TABLES, type CorrectableTable, type createCorrectionsService } from './corrections.ts';
import type { RecordsService } from './records.ts';
import type { RegisterService } from './register.ts';
import type { RegistrySnapshot, RegistrySnapshotSource } from './snapshot.ts';

/** The services the registry's administration pages use. */
export interface AdminPageServices {
  corrections: ReturnType<typeof createCorrectionsService>;
  records: RecordsService;
  register: RegisterService;
  snapshot: RegistrySnapshotSource;
}

export function isTable(value: string): value is CorrectableTable {
  return (CORRECTABLE_TABLES as readonly string[]).includes(value);
}

export function validationErrors(err: unknown): FieldError[] | null {
  return err instanceof AppError && err.code === 'validation-failed' ? err.errors : null;
}

export function query(req: FastifyRequest): Record<string, string> {
  return formBody(req.query);
}

export function stateOptions(s: RegistrySnapshot, ctx: ViewContext) {
  return SIX_STATES.map((code) => {
    const row = s.states.get(code);
    return { value: code, label: row ? (ctx.locale === 'de' ? row.nameDe : row.nameEn) : code };
  });
}

/** One localised message per failing field; the service's own words stay in the API. */
export function localise(
  ctx: ViewContext,
  errors: readonly FieldError[],
  prefix: string,
  fieldOf: (e: FieldError) => string,
): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = fieldOf(e);
    if (out.some((o) => o.field === field)) continue;
    const specific = `${prefix}.${field}.${e.rule}`;
    const general = `${prefix}.${field}`;
    const message = ctx.t.has(specific)
      ? ctx.t.t(specific)
      : ctx.t.has(general)
        ? ctx.t.t(general)
        : ctx.t.t('registry.admin.error.invalid', { field });
    out.push({ field, rule: e.rule, message });
  }
  return out;
}
