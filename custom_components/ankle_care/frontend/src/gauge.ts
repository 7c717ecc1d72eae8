/**
 * The acute:chronic load ratio on a half-circle gauge with the bands of the
 * injury-risk rules: below 0.8, the 0.8–1.3 sweet spot, 1.3–1.5, above 1.5.
 */
import { svg, type SVGTemplateResult } from "lit";

export const GAUGE_MAX = 2;
export const BANDS = [
  { from: 0, to: 0.8, name: "under" },
  { from: 0.8, to: 1.3, name: "sweet" },
  { from: 1.3, to: 1.5, name: "caution" },
  { from: 1.5, to: GAUGE_MAX, name: "danger" },
] as const;
const TICKS = [0.8, 1.3, 1.5];
const CX = 100;
const CY = 100;
const R = 80;

function point(ratio: number, radius: number): [number, number] {
  const angle = Math.PI * (1 - Math.min(Math.max(ratio, 0), GAUGE_MAX) / GAUGE_MAX);
  return [CX + radius * Math.cos(angle), CY - radius * Math.sin(angle)];
}

const round = (value: number): string => value.toFixed(2);

/** The band a ratio falls in. */
export function bandOf(ratio: number): (typeof BANDS)[number]["name"] {
  if (ratio < 0.8) return "under";
  if (ratio <= 1.3) return "sweet";
  if (ratio <= 1.5) return "caution";
  return "danger";
}

/** Return the gauge; `ratio` null draws the bands without a needle. */
export function loadRatioGauge(ratio: number | null, title: string): SVGTemplateResult {
  const arcs = BANDS.map(({ from, to, name }) => {
    const [x1, y1] = point(from, R);
    const [x2, y2] = point(to, R);
    return svg`<path class="band ${name}" d="M ${round(x1)} ${round(y1)} A ${R} ${R} 0 0 1 ${round(x2)} ${round(y2)}"></path>`;
  });
  const ticks = TICKS.map((tick) => {
    const [x, y] = point(tick, R + 14);
    return svg`<text class="tick" x=${round(x)} y=${round(y)}>${tick.toFixed(1)}</text>`;
  });
  let needle = svg``;
  if (ratio !== null) {
    const [x, y] = point(ratio, R - 14);
    needle = svg`<line class="needle" x1=${CX} y1=${CY} x2=${round(x)} y2=${round(y)}></line>`;
  }
  return svg`<svg class="gauge" viewBox="0 0 200 108" role="img" aria-label=${title}>
    <title>${title}</title>${arcs}${ticks}${needle}<circle class="hub" cx=${CX} cy=${CY} r="5"></circle>
  </svg>`;
}
