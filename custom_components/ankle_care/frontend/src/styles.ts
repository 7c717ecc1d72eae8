/**
 * The card's look: Home Assistant's theme variables only (light and dark follow the
 * theme), with plain fallbacks for a page without a theme.
 */
import { css } from "lit";

export const cardStyles = css`
  :host {
    display: block;
    --ac-good: var(--success-color, #43a047);
    --ac-warn: var(--warning-color, #ffa600);
    --ac-bad: var(--error-color, #db4437);
    --ac-info: var(--info-color, #039be5);
    --ac-muted: var(--secondary-text-color, #727272);
    --ac-line: var(--divider-color, rgba(0, 0, 0, 0.12));
    --ac-radius: var(--ha-card-border-radius, 12px);
  }
  .card {
    background: var(--ha-card-background, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    border-radius: var(--ac-radius);
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--ac-line));
    box-shadow: var(--ha-card-box-shadow, none);
    padding: 16px;
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
    font-size: 14px;
    line-height: 1.4;
    box-sizing: border-box;
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    margin-bottom: 8px;
  }
  header .title {
    font-size: 20px;
    font-weight: 500;
  }
  header .brand,
  .muted {
    color: var(--ac-muted);
    font-size: 12px;
  }
  section {
    padding: 12px 0;
    border-top: 1px solid var(--ac-line);
  }
  section:first-of-type {
    border-top: none;
    padding-top: 4px;
  }
  h3 {
    margin: 0 0 8px;
    font-size: 14px;
    font-weight: 500;
    color: var(--ac-muted);
    text-transform: none;
  }
  .question {
    color: var(--ac-muted);
  }
  .answer {
    font-size: 28px;
    font-weight: 500;
    line-height: 1.2;
    margin: 2px 0 6px;
  }
  .status.yes .answer {
    color: var(--ac-good);
  }
  .status.no .answer {
    color: var(--ac-bad);
  }
  .answer .distance {
    font-size: 16px;
    font-weight: 400;
    color: var(--primary-text-color, #212121);
  }
  .chip {
    display: inline-block;
    padding: 1px 10px;
    border-radius: 12px;
    border: 1px solid currentColor;
    font-size: 13px;
    white-space: nowrap;
  }
  .level-low {
    color: var(--ac-good);
  }
  .level-moderate {
    color: var(--ac-warn);
  }
  .level-high,
  .level-very_high {
    color: var(--ac-bad);
  }
  .banner {
    margin-top: 8px;
    padding: 8px 12px;
    border-radius: 8px;
    border-left: 4px solid var(--ac-bad);
    background: color-mix(in srgb, var(--ac-bad) 12%, transparent);
  }
  .banner.info {
    border-left-color: var(--ac-info);
    background: color-mix(in srgb, var(--ac-info) 12%, transparent);
  }
  .row {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 12px;
    padding: 2px 0;
  }
  .row .value {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .headline {
    display: flex;
    align-items: baseline;
    gap: 8px;
    margin-bottom: 6px;
  }
  .headline .big {
    font-size: 20px;
    font-weight: 500;
  }
  .load {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: center;
  }
  .load .dial {
    flex: 0 1 180px;
  }
  .load .figures {
    flex: 1 1 220px;
  }
  .gauge {
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .gauge .band {
    fill: none;
    stroke-width: 14;
  }
  .gauge .under {
    stroke: var(--ac-info);
  }
  .gauge .sweet {
    stroke: var(--ac-good);
  }
  .gauge .caution {
    stroke: var(--ac-warn);
  }
  .gauge .danger {
    stroke: var(--ac-bad);
  }
  .gauge .tick {
    fill: var(--ac-muted);
    font-size: 10px;
    text-anchor: middle;
    dominant-baseline: middle;
  }
  .gauge .needle {
    stroke: var(--primary-text-color, #212121);
    stroke-width: 3;
    stroke-linecap: round;
  }
  .gauge .hub {
    fill: var(--primary-text-color, #212121);
  }
  .ratio {
    text-align: center;
    font-size: 20px;
    font-weight: 500;
  }
  .ankle {
    padding: 6px 0;
  }
  .ankle + .ankle {
    border-top: 1px dashed var(--ac-line);
  }
  ul.exercises {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.exercises li label {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 3px 0;
    cursor: pointer;
  }
  ul.exercises li.done span {
    text-decoration: line-through;
    color: var(--ac-muted);
  }
  input[type="checkbox"],
  input[type="radio"],
  input[type="range"] {
    accent-color: var(--primary-color, #03a9f4);
  }
  footer.disclaimer {
    margin-top: 8px;
    padding-top: 8px;
    border-top: 1px solid var(--ac-line);
    color: var(--ac-muted);
    font-size: 12px;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button {
    font: inherit;
    padding: 6px 14px;
    border-radius: 18px;
    border: 1px solid var(--primary-color, #03a9f4);
    background: transparent;
    color: var(--primary-color, #03a9f4);
    cursor: pointer;
  }
  button.primary {
    background: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  [role="button"]:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  form {
    margin-top: 12px;
    display: grid;
    gap: 10px;
  }
  fieldset {
    border: 1px solid var(--ac-line);
    border-radius: 8px;
    margin: 0;
    padding: 8px 12px;
  }
  legend {
    color: var(--ac-muted);
    padding: 0 4px;
  }
  label.field {
    display: grid;
    gap: 4px;
  }
  input[type="number"],
  input[type="text"],
  select {
    font: inherit;
    padding: 6px 8px;
    border-radius: 6px;
    border: 1px solid var(--ac-line);
    background: var(--secondary-background-color, transparent);
    color: var(--primary-text-color, #212121);
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
  }
  .symptoms {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 2px 12px;
  }
  .severity {
    display: flex;
    gap: 12px;
    align-items: center;
  }
  .severity input {
    flex: 1;
  }
  .severity output {
    min-width: 3ch;
    font-size: 20px;
    font-weight: 500;
    text-align: right;
  }
  .drawings {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px;
  }
  .drawings figure {
    margin: 0;
    text-align: center;
  }
  .drawings figcaption {
    color: var(--ac-muted);
    font-size: 12px;
  }
  svg.ankle {
    width: 100%;
    height: auto;
  }
  svg.ankle .foot {
    fill: var(--secondary-background-color, #eee);
    stroke: var(--ac-muted);
    stroke-width: 1.5;
  }
  svg.ankle .spot {
    fill: color-mix(in srgb, var(--primary-color, #03a9f4) 25%, transparent);
    stroke: var(--primary-color, #03a9f4);
    stroke-width: 1.5;
    cursor: pointer;
  }
  svg.ankle .spot.selected {
    fill: var(--ac-bad);
    stroke: var(--ac-bad);
  }
  .error {
    padding: 8px 12px;
    border-radius: 8px;
    color: var(--ac-bad);
    border: 1px solid var(--ac-bad);
  }
  .message {
    padding: 8px 12px;
    border-radius: 8px;
    border: 1px solid var(--ac-good);
  }
`;
