/**
 * The card's own words, in one table: the English text of each.
 *
 * Everything the integration itself names (phases, causes, next steps, locations,
 * sides, symptoms, errors, the not-medical-advice note) comes from the
 * integration's translations; these are the card's headings, buttons and short
 * phrases. The card shows them in the user's language from the same translations,
 * `common.card_<key>` (`Texts.label` in `translations.ts`), and this English text
 * while those load or when a language has none: never a key. en.json holds the same
 * English texts (tests/domain/test_card_labels.py). `{name}` marks a placeholder.
 */
export const LABELS = {
  card_name: "Ankle Care",
  card_description:
    "May I run today? Recovery phase, injury risk, load ratio, each ankle, the next reminder, today's exercises, and quick logging.",
  choose_runner: "Choose a runner in the card's settings.",
  runner_not_found: "No Ankle Care runner with this config entry was found.",
  loading: "Loading…",

  may_run_question: "May I run today?",
  may_run_yes: "Yes",
  may_run_no: "Not today",
  may_run_up_to: "up to {distance}",
  next_step: "Next step",
  phase: "Recovery phase",
  day_of_care: "day {day} of care",
  red_flag: "Red flag",
  see_professional: "See a professional",
  ice_on: "Ice is on",

  risk: "Injury risk",
  factor_load_ratio: "Load ratio",
  factor_weekly_change: "Weekly change",
  factor_shoe_wear: "Shoe wear",
  factor_soreness: "Soreness",
  factor_hard_surface: "Hard surfaces",
  factor_uneven_surface: "Uneven surfaces",
  factor_limit: "limit {threshold}",
  factor_from: "from {threshold}",
  level_low: "low",
  level_moderate: "moderate",
  level_high: "high",
  level_very_high: "very high",

  load: "Training load",
  load_ratio: "Acute:chronic load ratio",
  band_under: "below 0.8",
  band_sweet_spot: "0.8–1.3 sweet spot",
  band_caution: "1.3–1.5",
  band_danger: "above 1.5 danger zone",
  not_enough_history: "The ratio needs 28 days of history.",
  acute_load: "Acute load (7 days)",
  chronic_load: "Chronic load (28 days)",
  weekly_distance: "Last 7 days",
  weekly_change: "against the 7 days before",

  ankles: "Ankles",
  ankle_unspecified: "Ankle (side not given)",
  severity_of_10: "{severity}/10",
  likely_cause: "Likely cause",

  reminder: "Next reminder",
  no_reminder: "No reminder planned.",
  countdown_minutes: "in {minutes} min",
  countdown_hours: "in {hours} h {minutes} min",
  countdown_days: "in {days} d {hours} h",
  countdown_now: "now",

  exercises: "Today's exercises",
  no_exercises: "No exercises today.",

  shoes: "Shoes",
  shoe_worn_out: "worn out: {distance} of {limit}",
  no_worn_out_shoes: "No pair is worn out.",

  actions: "Quick actions",
  log_soreness: "Log soreness",
  done_icing: "Done icing",
  log_run: "Log a run",
  seen_professional: "Seen a professional",
  save: "Save",
  cancel: "Cancel",
  not_sure: "Not sure",
  severity_help: "0 = pain-free, 10 = worst",
  symptoms: "Tick what applies",
  outer_side: "Outer side",
  inner_side: "Inner side",
  location_list: "Where it hurts",
  distance: "Distance ({unit})",
  duration: "Duration (min)",
  rpe: "Effort (RPE 1–10)",
  surface: "Surface",
  logged_soreness: "Logged. Recovery phase: {phase}.",
  logged_ice: "Ice logged.",
  logged_run: "Run logged. Injury risk: {risk}.",
  logged_visit: "Visit logged. Recovery phase: {phase}.",
  error: "Not saved",

  editor_runner: "Runner",
  editor_sections: "Sections",
  editor_no_runners: "No Ankle Care runner yet: add one under Settings → Devices & services.",
  section_status: "May I run today?",
  section_risk: "Injury risk",
  section_load: "Training load",
  section_ankles: "Ankles",
  section_reminder: "Next reminder",
  section_exercises: "Today's exercises",
  section_shoes: "Shoes",
  section_actions: "Quick actions",
} as const;

export type LabelKey = keyof typeof LABELS;

/** Return a label's English text with its `{placeholders}` filled in. */
export function english(key: LabelKey, values: Record<string, string | number> = {}): string {
  return fill(LABELS[key], values);
}

/** Fill `{name}` placeholders; unknown ones stay as they are. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
