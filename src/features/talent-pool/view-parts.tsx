/** Parts the pool's pages share: names instead of codes, a profile's released facts. */
import type { ReleasedProfile } from '../../domain/talent-pool/profile.ts';
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

/** The released facts of a profile as a description list: an unreleased fact is not even named. */
export function Facts(props: { ctx: ViewContext; facts: ReleasedProfile; names: OccupationNames }) {
  const { ctx, facts: f } = props;
  const { t } = ctx;
  const rows: [string, string][] = [];
  if (f.occupationKldb !== undefined)
    rows.push([t.t('pool.field.occupation'), occupationName(ctx, props.names, f.occupationKldb)]);
  if (f.qualification !== undefined)
    rows.push([t.t('pool.field.qualification'), t.t(`pool.qualification.${f.qualification}`)]);
  if (f.recognition !== undefined)
    rows.push([t.t('pool.field.recognition'), t.t(`pool.recognition.${f.recognition}`)]);
  if (f.languages !== undefined)
    rows.push([
      t.t('pool.field.languages'),
      f.languages.length === 0
        ? t.t('pool.none')
        : t.list(f.languages.map((l) => `${languageName(ctx, l.code)}: ${t.t(`pool.level.${l.level}`)}`)),
    ]);
  if (f.availableFrom !== undefined) rows.push([t.t('pool.field.availableFrom'), t.date(f.availableFrom)]);
  if (f.preferredStates !== undefined)
    rows.push([
      t.t('pool.field.preferredStates'),
      f.preferredStates.length === 0 ? t.t('pool.any-state') : stateList(ctx, f.preferredStates),
    ]);
  return <DescriptionList rows={rows} />;
}

export { stateList };
