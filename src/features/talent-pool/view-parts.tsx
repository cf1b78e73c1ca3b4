/** Parts the pool's pages share: names instead of codes, a profile's released facts. */
import { POOL_FIELDS, type PoolField, type ReleasedProfile } from '../../domain/talent-pool/profile.ts';
import { DescriptionList } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { STATES } from '../regions/index.ts';

/** An occupation's titles by registry id. */
export type OccupationNames = ReadonlyMap<string, { readonly titleDe: string; readonly titleEn: string }>;

export const languageName = (ctx: ViewContext, code: string): string =>
  new Intl.DisplayNames([ctx.locale], { type: 'language' }).of(code) ?? code;

export const stateOptions = (ctx: ViewContext) =>
  STATES.map((s) => ({ value: s.code, label: ctx.locale === 'de' ? s.nameDe : s.nameEn }));

const stateList = (ctx: ViewContext, codes: readonly string[]) =>
  ctx.t.list(stateOptions(ctx).flatMap((o) => (codes.includes(o.value) ? [o.label] : [])));

export const occupationName = (ctx: ViewContext, names: OccupationNames, kldb: string) => {
  const o = names.get(kldb);
  return o ? (ctx.locale === 'de' ? o.titleDe : o.titleEn) : ctx.t.t('pool.unknown-occupation');
};

/** Each released fact in words (an unreleased one is undefined). */
export function factTexts(
  ctx: ViewContext,
  f: ReleasedProfile,
  names: OccupationNames,
): Record<PoolField, string | undefined> {
  const { t } = ctx;
  return {
    occupation: f.occupationKldb === undefined ? undefined : occupationName(ctx, names, f.occupationKldb),
    qualification: f.qualification === undefined ? undefined : t.t(`pool.qualification.${f.qualification}`),
    recognition: f.recognition === undefined ? undefined : t.t(`pool.recognition.${f.recognition}`),
    languages:
      f.languages === undefined
        ? undefined
        : f.languages.length === 0
          ? t.t('pool.none')
          : t.list(f.languages.map((l) => `${languageName(ctx, l.code)}: ${t.t(`pool.level.${l.level}`)}`)),
    availableFrom: f.availableFrom === undefined ? undefined : t.date(f.availableFrom),
    preferredStates:
      f.preferredStates === undefined
        ? undefined
        : f.preferredStates.length === 0
          ? t.t('pool.any-state')
          : stateList(ctx, f.preferredStates),
  };
}

/** The released facts of a profile as a description list: an unreleased fact is not even named. */
export function Facts(props: { ctx: ViewContext; facts: ReleasedProfile; names: OccupationNames }) {
  const texts = factTexts(props.ctx, props.facts, props.names);
  const rows = POOL_FIELDS.flatMap((k): [string, string][] => {
    const text = texts[k];
    return text === undefined ? [] : [[props.ctx.t.t(`pool.field.${k}`), text]];
  });
  return <DescriptionList rows={rows} />;
}

export { stateList };
