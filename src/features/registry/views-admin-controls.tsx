import type { FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';

/** Small pieces shared by the registry's administration pages. */
export type Option = { value: string; label: string };

export const errorOf = (errors: readonly FieldError[], name: string) => errors.find((e) => e.field === name);

export function Submit({ label }: { label: string }) {
  return (
    <button type="submit" class="kern-btn kern-btn--primary">
      <span class="kern-label">{label}</span>
    </button>
  );
}

export function Back({ ctx, href, label }: { ctx: ViewContext; href: string; label: string }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href={href}>
        <span class="kern-icon kern-icon--arrow-back kern-icon--small" aria-hidden="true" />
        {ctx.t.t(label)}
      </a>
    </p>
  );
}

export function yesNo(ctx: ViewContext): Option[] {
  return [
    { value: 'true', label: ctx.t.t('registry.admin.yes') },
    { value: 'false', label: ctx.t.t('registry.admin.no') },
  ];
}
