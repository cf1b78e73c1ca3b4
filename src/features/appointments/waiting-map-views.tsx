/**
 * The overload map page: a legend in words, then per state a tile map of its districts and a table with the same
 * facts (district, office, status in words, P80 against the target, open cases), then the missions abroad by
 * country as a tile map and a table. Works without JavaScript; the tables reflow at phone width.
 */
import type { IsoDate } from '../../domain/calendar.ts';
import type { ViewContext } from '../../web/context.ts';
import { countryName } from '../../web/countries.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { OfficeFigures } from './waiting.ts';
import { WAITING_PATHS } from './waiting.ts';
import { type DistrictTile, type OverloadMap, type TileStatus, tileStatus } from './waiting-map.ts';
import { MapPatterns, Swatch, type Tile, TileMap } from './waiting-map-chart.tsx';
import { AlertsText, groupName, officeUrl, p80Text, StatusWord } from './waiting-views.tsx';

const LEGEND: readonly TileStatus[] = ['red', 'amber', 'green', 'none', 'off-platform'];

/** The district's name, with "city" or "district" where a city and a district share the name (Leipzig, Rostock). */
function districtLabel(ctx: ViewContext, d: DistrictTile, all: readonly DistrictTile[]): string {
  if (all.filter((x) => x.name === d.name).length < 2) return d.name;
  return ctx.t.t(d.kind === 'landkreis' ? 'waiting.map.county' : 'waiting.map.city', { name: d.name });
}

function summary(ctx: ViewContext, figures: readonly (OfficeFigures | null)[]): string {
  const count = (s: TileStatus) => figures.filter((f) => tileStatus(f) === s).length;
  return ctx.t.t('waiting.map.summary', {
    red: count('red'),
    amber: count('amber'),
    green: count('green'),
    none: count('none'),
    off: count('off-platform'),
  });
}

const tileOf = (ctx: ViewContext, key: string, label: string, f: OfficeFigures | null): Tile => {
  const status = tileStatus(f);
  return { key, label, status, word: ctx.t.t(`waiting.map.tile.${status}`) };
};

/** The cells after the row header: office, status, wait, open cases (the same for districts and missions). */
function FigureCells({ ctx, f, office }: { ctx: ViewContext; f: OfficeFigures | null; office: boolean }) {
  const { t } = ctx;
  const col = (k: string) => t.t(`waiting.map.col.${k}`);
  const dash = t.t('waiting.no-figure');
  return (
    <>
      {office ? (
        <td class="kern-table__cell" data-label={col('office')}>
          {f ? (
            <a class="kern-link" href={officeUrl(ctx, f.office.slug)}>
              {f.office.name}
            </a>
          ) : (
            t.t('waiting.map.off-platform')
          )}
        </td>
      ) : null}
      <td class="kern-table__cell" data-label={t.t('waiting.col.status')}>
        {f ? (
          <>
            <StatusWord ctx={ctx} f={f} /> <AlertsText ctx={ctx} f={f} />
          </>
        ) : (
          t.t('waiting.map.tile.off-platform')
        )}
      </td>
      <td class="kern-table__cell" data-label={col('wait')}>
        {f ? p80Text(ctx, f) : dash}
      </td>
      <td class="kern-table__cell" data-label={t.t('waiting.col.backlog')}>
        {f
          ? `${t.t('waiting.number', { n: f.forecast.backlog })}${f.forecast.growing ? ` (${t.t('waiting.growing')})` : ''}`
          : dash}
      </td>
    </>
  );
}

function Head({ ctx, cols }: { ctx: ViewContext; cols: readonly string[] }) {
  return (
    <thead class="kern-table__head">
      <tr class="kern-table__row">
        {cols.map((c) => (
          <th key={c} scope="col" class="kern-table__header">
            {ctx.t.t(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

const FIGURE_COLS = ['waiting.col.status', 'waiting.map.col.wait', 'waiting.col.backlog'] as const;

function StateSection({ ctx, block }: { ctx: ViewContext; block: OverloadMap['states'][number] }) {
  const { t } = ctx;
  const name = groupName(ctx, block.state);
  const labelled = block.tiles.map((d) => ({ d, label: districtLabel(ctx, d, block.tiles) }));
  return (
    <section aria-labelledby={`map-${block.state}`}>
      <h3 class="kern-heading-small" id={`map-${block.state}`}>
        {name}
      </h3>
      <TileMap
        label={t.t('waiting.map.state-label', {
          state: name,
          n: block.tiles.length,
          summary: summary(
            ctx,
            block.tiles.map((d) => d.figures),
          ),
        })}
        groups={[
          { heading: null, tiles: labelled.map(({ d, label }) => tileOf(ctx, d.ags, label, d.figures)) },
        ]}
      />
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('waiting.map.state-caption', { state: name })}</caption>
        <Head ctx={ctx} cols={['waiting.map.col.district', 'waiting.map.col.office', ...FIGURE_COLS]} />
        <tbody class="kern-table__body">
          {labelled.map(({ d, label }) => (
            <tr key={d.ags} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {label}
              </th>
              <FigureCells ctx={ctx} f={d.figures} office={true} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MissionsSection({ ctx, countries }: { ctx: ViewContext; countries: OverloadMap['countries'] }) {
  const { t } = ctx;
  const country = (c: string) => (c === '' ? t.t('waiting.map.no-country') : countryName(c, ctx.locale));
  if (countries.length === 0) return <p class="kern-body">{t.t('waiting.map.missions.none')}</p>;
  return (
    <>
      <TileMap
        label={t.t('waiting.map.missions-label', {
          n: countries.length,
          summary: summary(
            ctx,
            countries.flatMap((c) => c.missions),
          ),
        })}
        groups={countries.map((c) => ({
          heading: country(c.country),
          tiles: c.missions.map((f) => tileOf(ctx, `${c.country}-${f.office.id}`, f.office.name, f)),
        }))}
      />
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('waiting.map.missions-caption')}</caption>
        <Head ctx={ctx} cols={['waiting.map.col.mission', 'waiting.map.col.country', ...FIGURE_COLS]} />
        <tbody class="kern-table__body">
          {countries.flatMap((c) =>
            c.missions.map((f) => (
              <tr key={`${c.country}-${f.office.id}`} class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  <a class="kern-link" href={officeUrl(ctx, f.office.slug)}>
                    {f.office.name}
                  </a>
                </th>
                <td class="kern-table__cell" data-label={t.t('waiting.map.col.country')}>
                  {country(c.country)}
                </td>
                <FigureCells ctx={ctx} f={f} office={false} />
              </tr>
            )),
          )}
        </tbody>
      </table>
    </>
  );
}

export function MapPage(props: { ctx: ViewContext; asOf: IsoDate; map: OverloadMap }) {
  const { ctx, map } = props;
  const { t } = ctx;
  const overview = localizedUrl(WAITING_PATHS.overview, ctx.locale);
  return (
    <Layout ctx={ctx} title={t.t('waiting.map.title')}>
      <h1 class="kern-heading-large">{t.t('waiting.map.title')}</h1>
      <MapPatterns />
      <p class="kern-body">{t.t('waiting.map.intro')}</p>
      <p class="kern-body">{t.t('waiting.map.schematic')}</p>
      <p class="kern-body">{t.t('waiting.as-of', { date: t.date(props.asOf) })}</p>
      <h2 class="kern-heading-small" id="map-legend">
        {t.t('waiting.map.legend.title')}
      </h2>
      <ul class="kern-list waiting-legend" aria-labelledby="map-legend">
        {LEGEND.map((s) => (
          <li key={s}>
            <Swatch status={s} />
            <span>{t.t(`waiting.map.legend.${s}`)}</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="map-districts">
        <h2 class="kern-heading-medium" id="map-districts">
          {t.t('waiting.map.districts.title')}
        </h2>
        {map.states.map((block) => (
          <StateSection key={block.state} ctx={ctx} block={block} />
        ))}
      </section>
      <section aria-labelledby="map-missions">
        <h2 class="kern-heading-medium" id="map-missions">
          {t.t('waiting.map.missions.title')}
        </h2>
        <MissionsSection ctx={ctx} countries={map.countries} />
      </section>
      <p class="kern-body">
        <a class="kern-link" href={`${overview}#waiting-method`}>
          {t.t('waiting.map.method')}
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href={overview}>
          {t.t('waiting.map.back')}
        </a>
      </p>
    </Layout>
  );
}
