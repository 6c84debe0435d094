import { SIGUNGUS } from '@sbiz24/shared/reference/regions';
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** KOSTAT 2018 province codes → 행정표준코드 시도 codes (reference data README). */
export const KOSTAT_TO_SIDO: Readonly<Record<string, string>> = {
  '11': '11',
  '21': '26',
  '22': '27',
  '23': '28',
  '24': '29',
  '25': '30',
  '26': '31',
  '29': '36',
  '31': '41',
  '32': '51',
  '33': '43',
  '34': '44',
  '35': '52',
  '36': '46',
  '37': '47',
  '38': '48',
  '39': '50',
};

/** KOSTAT 2018 municipality code → the current 시군구 codes it covers (부천시 covers three 구 since 2024). */
export function sigunguByKostat(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of SIGUNGUS) {
    const k = s.kostat2018Code.trim();
    out.set(k, [...(out.get(k) ?? []), s.code]);
  }
  return out;
}

export interface MapShape {
  /** KOSTAT code of the polygon. */
  kostat: string;
  name: string;
  d: string;
  /** The polygon's centre in map units, where zooming in on it centres the view. */
  cx: number;
  cy: number;
}

type Props = { code: string; name: string };

/** Loads a map file from /maps and projects it to SVG paths fitting `width` × `height`. */
export async function loadShapes(
  file: 'provinces-2018' | 'municipalities-2018',
  width: number,
  height: number,
  signal?: AbortSignal,
): Promise<MapShape[]> {
  const res = await fetch(`/maps/${file}.json`, signal ? { signal } : {});
  if (!res.ok) throw new Error(`map ${file}: ${res.status}`);
  const topo = (await res.json()) as Topology;
  const key = Object.keys(topo.objects)[0]!;
  const fc = feature(topo, topo.objects[key] as GeometryCollection<Props>) as unknown as FeatureCollection<
    Geometry,
    Props
  >;
  const projection = geoMercator().fitSize([width, height], fc);
  const path = geoPath(projection);
  return fc.features.map((f) => {
    const [cx, cy] = path.centroid(f);
    return { kostat: f.properties.code, name: f.properties.name, d: path(f) ?? '', cx, cy };
  });
}

/** Five shades from light to dark for a count relative to the largest. */
export function shade(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(5, Math.ceil((value / max) * 5));
}

/** A view of the map: the visible rectangle in map units (the SVG viewBox). */
export interface MapView {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const ZOOM_STEPS = [1, 2, 4, 8] as const;

/**
 * The view at `zoom` times the whole map, centred on (cx, cy) but kept inside the map so that no zoomed
 * view shows empty sea beyond the edges.
 */
export function viewAt(width: number, height: number, zoom: number, cx: number, cy: number): MapView {
  const w = width / zoom;
  const h = height / zoom;
  const clamp = (v: number, size: number, full: number) => Math.min(Math.max(v - size / 2, 0), full - size);
  return { x: clamp(cx, w, width), y: clamp(cy, h, height), w, h };
}
