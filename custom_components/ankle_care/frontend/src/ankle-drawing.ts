/**
 * A simple drawing of the ankle, seen from the outer and from the inner side, on
 * which the sore spot is picked. Each spot is one of the `location` options of
 * `ankle_care.log_soreness`; the same options are offered as a list beside it.
 */
import { svg, type SVGTemplateResult } from "lit";

export const LOCATIONS = [
  "back_of_ankle",
  "outer_ankle",
  "inner_ankle",
  "front_of_ankle",
  "heel",
  "bone_spot",
] as const;
export type Location = (typeof LOCATIONS)[number];

const FOOT =
  "M 42 2 L 72 2 L 74 58 Q 80 72 100 78 L 150 86 Q 174 90 174 101 Q 174 110 160 110 " +
  "L 48 110 Q 24 110 24 92 Q 24 80 34 70 L 40 2 Z";

interface Spot {
  key: Location;
  shape: (selected: boolean) => SVGTemplateResult;
}

function spots(side: "outer" | "inner"): Spot[] {
  const bump: Location = side === "outer" ? "outer_ankle" : "inner_ankle";
  const cls = (selected: boolean) => (selected ? "spot selected" : "spot");
  return [
    {
      key: "back_of_ankle",
      shape: (s) => svg`<rect class=${cls(s)} x="28" y="26" width="16" height="46" rx="7"></rect>`,
    },
    {
      key: "heel",
      shape: (s) => svg`<ellipse class=${cls(s)} cx="38" cy="97" rx="14" ry="10"></ellipse>`,
    },
    {
      key: bump,
      shape: (s) => svg`<circle class=${cls(s)} cx="58" cy="66" r="9"></circle>`,
    },
    {
      key: "front_of_ankle",
      shape: (s) => svg`<ellipse class=${cls(s)} cx="86" cy="72" rx="10" ry="8"></ellipse>`,
    },
    {
      key: "bone_spot",
      shape: (s) => svg`<circle class=${cls(s)} cx="120" cy="90" r="6"></circle>`,
    },
  ];
}

/**
 * Return one view of the ankle.
 *
 * @param side which side of the foot is drawn; the inner view is the mirror image.
 * @param selected the location picked so far.
 * @param name the translated name of each location (for the tooltip and screen readers).
 * @param pick called with the location clicked.
 */
export function ankleView(
  side: "outer" | "inner",
  selected: Location | undefined,
  name: (location: Location) => string,
  pick: (location: Location) => void,
): SVGTemplateResult {
  const mirror = side === "inner" ? "translate(200 0) scale(-1 1)" : "";
  const keydown = (location: Location) => (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      pick(location);
    }
  };
  return svg`<svg class="ankle" viewBox="0 0 200 114" data-view=${side}>
    <g transform=${mirror}>
      <path class="foot" d=${FOOT}></path>
      ${spots(side).map(
        ({ key, shape }) => svg`<g role="button" tabindex="0" data-location=${key}
          aria-label=${name(key)} aria-pressed=${selected === key ? "true" : "false"}
          @click=${() => pick(key)} @keydown=${keydown(key)}>
          <title>${name(key)}</title>${shape(selected === key)}</g>`,
      )}
    </g>
  </svg>`;
}
