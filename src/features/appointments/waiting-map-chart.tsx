/**
 * The schematic overload map as server-rendered SVG: one image per block (a state's districts, or the missions by
 * country), a grid of tiles. Each tile has a stripe in the status colour with its own pattern (hatched: overloaded,
 * dotted: under strain, solid: within target, lines: not rated yet, none: no office on the platform), the place's
 * name and the status as a word, so colour is never the only carrier. The image's label sums the block up; the
 * table beside it says the same per place.
 */
import { ChartFrame, STATUS_FILL } from './waiting-chart.tsx';
import type { TileStatus } from './waiting-map.ts';

export type Tile = {
  readonly key: string;
  readonly label: string;
  readonly status: TileStatus;
  readonly word: string;
};

export type TileGroup = { readonly heading: string | null; readonly tiles: readonly Tile[] };

/** Two tiles a row in a 400-unit-wide image drawn 480 px wide: at 390 px the names are still about 12 px high. */
const WIDTH = 400;
const DRAWN = 480;
const COLS = 2;
const GAP = 12;
const TILE_W = (WIDTH - (COLS - 1) * GAP) / COLS;
const TILE_H = 62;
const ROW_GAP = 8;
const HEADING_H = 28;
const STRIPE = 18;
const LINE = 17;

/** Fill of the stripe: a pattern per status (defined once per image), none for a place without an office. */
const PATTERN: Record<TileStatus, string | null> = {
  red: 'url(#map-red)',
  amber: 'url(#map-amber)',
  green: STATUS_FILL.green,
  none: 'url(#map-none)',
  'off-platform': null,
};

const BORDER: Record<TileStatus, string> = { ...STATUS_FILL, 'off-platform': STATUS_FILL.none };

/** The name on one or two lines of at most `max` characters, broken after a hyphen or at a space. */
export function tileLines(name: string, max = 21): [string] | [string, string] {
  if (name.length <= max) return [name];
  const cut = Math.max(name.lastIndexOf('-', max - 1) + 1, name.lastIndexOf(' ', max));
  const first = cut > 0 ? name.slice(0, cut).trimEnd() : name.slice(0, max);
  const rest = name.slice(first.length).trimStart();
  return [first, rest.length > max ? `${rest.slice(0, max - 1)}…` : rest];
}

/** The patterns, defined once per page (a hidden image of no size) and used by every map and the legend. */
export function MapPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern
          id="map-red"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill={STATUS_FILL.red} />
          <rect width="3" height="8" fill="#ffffff" />
        </pattern>
        <pattern id="map-amber" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={STATUS_FILL.amber} />
          <circle cx="4" cy="4" r="1.8" fill="#ffffff" />
        </pattern>
        <pattern id="map-none" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#ffffff" />
          <rect y="0" width="8" height="3" fill={STATUS_FILL.none} />
        </pattern>
      </defs>
    </svg>
  );
}

/** A small sample of a status for the legend (decorative: the legend's words say the same). */
export function Swatch({ status }: { status: TileStatus }) {
  const fill = PATTERN[status];
  return (
    <svg width="36" height="20" viewBox="0 0 36 20" aria-hidden="true" focusable="false">
      <rect
        x="1"
        y="1"
        width="34"
        height="18"
        fill="#ffffff"
        stroke={BORDER[status]}
        stroke-width="2"
        stroke-dasharray={fill === null ? '5 4' : undefined}
      />
      {fill === null ? null : <rect x="2" y="2" width={STRIPE} height="16" fill={fill} />}
    </svg>
  );
}

function TileView({ tile, x, y }: { tile: Tile; x: number; y: number }) {
  const fill = PATTERN[tile.status];
  const border = BORDER[tile.status];
  const lines = tileLines(tile.label);
  return (
    <g>
      <rect
        x={x + 1}
        y={y + 1}
        width={TILE_W - 2}
        height={TILE_H - 2}
        fill="#ffffff"
        stroke={border}
        stroke-width="2"
        stroke-dasharray={fill === null ? '5 4' : undefined}
      />
      {fill === null ? null : <rect x={x + 2} y={y + 2} width={STRIPE} height={TILE_H - 4} fill={fill} />}
      {lines.map((l, i) => (
        <text
          key={l}
          x={x + STRIPE + 8}
          y={y + 19 + i * LINE - (lines.length === 1 ? 0 : 2)}
          font-size="14"
          fill="#131525"
        >
          {l}
        </text>
      ))}
      <text x={x + STRIPE + 8} y={y + TILE_H - 10} font-size="13" font-weight="700" fill="#131525">
        {tile.word}
      </text>
    </g>
  );
}

/** One image of tile groups (a heading above each group when given), three tiles a row. */
export function TileMap(props: { label: string; groups: readonly TileGroup[] }) {
  let y = 0;
  const placed = props.groups.map((g) => {
    const top = y;
    const rows = Math.max(1, Math.ceil(g.tiles.length / COLS));
    y += (g.heading === null ? 0 : HEADING_H) + rows * (TILE_H + ROW_GAP);
    return { g, top };
  });
  const height = Math.max(TILE_H, y - ROW_GAP);
  return (
    <ChartFrame label={props.label} width={WIDTH} height={height} drawn={DRAWN}>
      {placed.map(({ g, top }) => {
        const first = top + (g.heading === null ? 0 : HEADING_H);
        return (
          <g key={`${g.heading}-${top}`}>
            {g.heading === null ? null : (
              <text x={0} y={top + 18} font-size="15" font-weight="700" fill="#131525">
                {g.heading}
              </text>
            )}
            {g.tiles.map((t, i) => (
              <TileView
                key={t.key}
                tile={t}
                x={(i % COLS) * (TILE_W + GAP)}
                y={first + Math.floor(i / COLS) * (TILE_H + ROW_GAP)}
              />
            ))}
          </g>
        );
      })}
    </ChartFrame>
  );
}
