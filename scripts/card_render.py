"""Time the dashboard card's render in headless Chromium, for the benchmark.

Usage: .venv/browser/bin/python scripts/card_render.py INPUT.json
       (scripts/benchmark.py writes INPUT.json and runs this with the browser test's
       virtualenv, scripts/browser-env)

INPUT.json holds, per runner, what the frontend would hand the card: the states of
the runner's entities, their registry entries and device, today's to-do items, and
the integration's English translations as `frontend/get_translations` returns them.
The page loads the built card (custom_components/ankle_care/frontend/
ankle-care-card.js) as the frontend does, defines a stand-in `home-assistant`
element (the card waits for it), and times:

- first render: create the card, `setConfig`, give it `hass`, attach it, until it
  has rendered the states and the layout is done;
- complete: the same until today's to-do items (which arrive later, as a WebSocket
  message does) and the translations are shown and laid out;
- update: a new `hass` whose recovery phase changed, until updated and laid out.

The runners are measured round-robin in one page, after warm-up rounds.

Prints one JSON object: per runner the samples in milliseconds.
"""

from __future__ import annotations

import json
from pathlib import Path
import sys

from playwright.sync_api import Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CARD = ROOT / "custom_components" / "ankle_care" / "frontend" / "ankle-care-card.js"
ORIGIN = "http://card-bench.invalid"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="/ankle-care-card.js"></script></head>
<body><div id="room" style="width: 400px"></div></body></html>"""

# The stand-in for what Home Assistant's frontend gives a card.
HARNESS = """
async ({ runners, translations, warmup, rounds }) => {
  customElements.define("home-assistant", class extends HTMLElement {});
  await customElements.whenDefined("ankle-care-card");
  const makeHass = (runner, states) => {
    const key = (entity, rest) => {
      const entry = runner.entities[entity.entity_id];
      const platform = entity.entity_id.split(".")[0];
      return `component.ankle_care.entity.${platform}.${entry && entry.translation_key}.${rest}`;
    };
    return {
      states,
      entities: runner.entities,
      devices: runner.devices,
      services: { ankle_care: { log_professional_visit: {} } },
      language: "en",
      locale: { language: "en" },
      themes: { darkMode: false },
      formatEntityState: (entity) => {
        const text = translations[key(entity, `state.${entity.state}`)] || entity.state;
        const unit = entity.attributes.unit_of_measurement;
        return unit ? `${text} ${unit}` : text;
      },
      formatEntityAttributeValue: (entity, attribute) => {
        const value = entity.attributes[attribute];
        return (
          translations[key(entity, `state_attributes.${attribute}.state.${value}`)] ||
          String(value)
        );
      },
      callWS: async (message) => {
        const prefix = `component.ankle_care.${message.category}.`;
        const resources = {};
        for (const [name, text] of Object.entries(translations)) {
          if (name.startsWith(prefix)) resources[name] = text;
        }
        return { resources };
      },
      connection: {
        // The to-do items arrive later, as a WebSocket message does.
        subscribeMessage: async (callback) => {
          setTimeout(() => callback({ items: runner.items }));
          return async () => {};
        },
      },
    };
  };
  const room = document.getElementById("room");
  const laidOut = (card) => card.getBoundingClientRect().height;
  const once = async (runner, round) => {
    const hass = makeHass(runner, runner.states);
    const start = performance.now();
    const card = document.createElement("ankle-care-card");
    card.setConfig({ type: "custom:ankle-care-card", config_entry_id: runner.entry_id });
    card.hass = hass;
    room.appendChild(card);
    await card.updateComplete;
    laidOut(card);
    const rendered = performance.now();
    for (let waits = 0; !card.shadowRoot.querySelector("ul.exercises li"); waits++) {
      if (waits > 100) throw new Error("the card did not show the to-do items");
      await new Promise((resolve) => setTimeout(resolve));
      await card.updateComplete;
    }
    laidOut(card);
    const completed = performance.now();
    const changed = { ...runner.states };
    const phase = runner.phase_entity;
    changed[phase] = { ...changed[phase], state: round % 2 ? "monitoring" : "acute_care" };
    const begin = performance.now();
    card.hass = makeHass(runner, changed);
    await card.updateComplete;
    laidOut(card);
    const updated = performance.now();
    const shown = card.shadowRoot.querySelector("[data-field=phase]").textContent.trim();
    if (shown !== translations[`component.ankle_care.entity.sensor.recovery_phase.state.${changed[phase].state}`]) {
      throw new Error(`the card did not update: ${shown}`);
    }
    card.remove();
    return { first: rendered - start, complete: completed - start, update: updated - begin };
  };
  const results = Object.fromEntries(
    runners.map((runner) => [runner.label, { first: [], complete: [], update: [] }]),
  );
  for (let round = 0; round < warmup + rounds; round++) {
    // Round-robin, starting with a different runner each round.
    for (let i = 0; i < runners.length; i++) {
      const runner = runners[(round + i) % runners.length];
      const sample = await once(runner, round);
      if (round < warmup) continue;
      for (const name of ["first", "complete", "update"]) {
        results[runner.label][name].push(sample[name]);
      }
    }
  }
  return results;
}
"""


def main() -> None:
    """Read the runners, time the card for each, print the samples as JSON."""
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    card = CARD.read_bytes()

    def serve(route: Route) -> None:
        if route.request.url.endswith("/ankle-care-card.js"):
            route.fulfill(body=card, content_type="text/javascript")
        else:
            route.fulfill(body=PAGE, content_type="text/html")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=data.get("chromium", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        page = browser.new_page()
        page.route(f"{ORIGIN}/**", serve)
        page.goto(f"{ORIGIN}/")
        results = page.evaluate(HARNESS, data)
        browser.close()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
