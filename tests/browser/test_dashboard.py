"""The Ankle Care card in a real Home Assistant, in a real browser.

One demo server and one browser page for the whole module; the tests run in file
order and build on each other like a user's session: the page is opened with the
frontend's bundle held back, the demo runner's values are read, an exercise is
ticked off, a bad run is refused, soreness is logged, icing is logged, the visual
editor is opened, a German user's browser shows the card in German, and at the end
the browser console and the server log must be free of errors.
"""

from __future__ import annotations

from collections.abc import Callable
import json
import os
from pathlib import Path
import re
import shutil
import time
from typing import Any

from playwright.sync_api import Browser, Locator, Page, Route, expect
import pytest

from .conftest import OUT, ROOT, Console, Server

DASHBOARD = "/lovelace/ankle-care"
ENTRY_ID = "01JDEMORUNNER0000000000000"
RUNNER = "Demo Runner"
PHASE = "sensor.demo_runner_recovery_phase"
RISK = "sensor.demo_runner_injury_risk"
RATIO = "sensor.demo_runner_acute_chronic_workload_ratio"
NEXT_REMINDER = "sensor.demo_runner_next_reminder"
SORENESS = "sensor.demo_runner_soreness"
WEEKLY = "sensor.demo_runner_distance_last_7_days"
TODO = "todo.demo_runner_prevention_exercises"
# Home Assistant 2025.4.0's frontend bundle (it brings the element registry the
# frontend swaps in) and the card's script with its version query.
APP_BUNDLE = re.compile(r"/frontend_latest/app\.[0-9a-f]+\.js$")
CARD_SCRIPT = re.compile(r"/ankle_care/ankle-care-card\.js\?v=[0-9a-f]{12}$")
SCREENSHOTS = OUT / "screenshots"
DOCS = ROOT / "docs"

TRANSLATIONS = ROOT / "custom_components/ankle_care/translations"
EN = json.loads((TRANSLATIONS / "en.json").read_text("utf-8"))
SENSOR = EN["entity"]["sensor"]


def phase_text(phase: str) -> str:
    """Return the translated name of a recovery phase."""
    return str(SENSOR["recovery_phase"]["state"][phase])


def eventually(check: Callable[[], Any], timeout: float = 15) -> Any:
    """Return the first truthy result of `check`, polling until the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.2)


@pytest.fixture
def card(page: Page) -> Locator:
    """The Ankle Care card on the dashboard (not the one in an editor's preview)."""
    return page.locator("hui-masonry-view ankle-care-card")


def test_card_renders_when_the_frontend_bundle_comes_late(
    page: Page, server: Server, card: Locator
) -> None:
    """The card's elements wait for the frontend's; held back, the card still renders.

    The frontend's app bundle is held until the card's script has run: a card that
    defined its elements at once would define them before the frontend swaps in its
    element registry, and the dashboard would show "Custom element doesn't exist".
    """
    held: list[Route] = []
    scripts: list[str] = []
    page.route(APP_BUNDLE, lambda route: held.append(route))
    page.on(
        "response",
        lambda response: scripts.append(response.url)
        if CARD_SCRIPT.search(response.url)
        else None,
    )
    page.goto(server.url + DASHBOARD, wait_until="commit")
    page.wait_for_function(
        "() => (window.customCards || []).some(c => c.type === 'ankle-care-card')"
    )
    assert held, "the frontend's app bundle was never requested"
    assert scripts, "the card's script was not loaded with a version"
    page.wait_for_timeout(1000)  # time enough for a card that would define early
    assert page.evaluate(
        "() => [customElements.get('home-assistant'), "
        "customElements.get('ankle-care-card')].every(e => e === undefined)"
    ), "the card was defined before the frontend"
    for route in held:
        route.continue_()
    page.unroute(APP_BUNDLE)

    expect(card.locator("[data-section=status]")).to_be_visible(timeout=60_000)
    expect(card.locator(".card header .title")).to_have_text(RUNNER)
    expect(page.locator("hui-error-card")).to_have_count(0)


def test_card_shows_the_demo_runners_values(
    page: Page, server: Server, card: Locator
) -> None:
    """Phase, may-run answer, risk, next reminder: translated, as the entities say."""
    phase = server.state(PHASE)
    assert phase["state"] == "monitoring"  # the demo's mild soreness this morning
    expect(card.locator("[data-field=phase]")).to_have_text(phase_text("monitoring"))
    expected = "Yes" if phase["attributes"]["may_run"] else "Not today"
    expect(card.locator("[data-field=may-run]")).to_contain_text(expected)
    next_step = SENSOR["recovery_phase"]["state_attributes"]["next_step"]["state"]
    expect(card.locator("[data-field=next-step]")).to_contain_text(
        next_step[phase["attributes"]["next_step"]]
    )
    risk = server.state(RISK)
    expect(card.locator("[data-field=risk]")).to_have_text(
        SENSOR["injury_risk"]["state"][risk["state"]]
    )
    expect(card.locator("[data-factor]")).to_have_count(
        len(risk["attributes"]["factors"])
    )
    ratio = float(server.state(RATIO)["state"])
    expect(card.locator("[data-field=load-ratio]")).to_have_text(f"{ratio:.2f}")
    reminder = server.state(NEXT_REMINDER)
    kinds = SENSOR["next_reminder"]["state_attributes"]["kind"]["state"]
    expect(card.locator("[data-field=reminder]")).to_contain_text(
        kinds[reminder["attributes"]["kind"]]
    )
    expect(card.locator("[data-field=countdown]")).to_have_text(
        re.compile(r"^(in \d+ (min|h \d+ min|d \d+ h)|now)$")
    )
    expect(card.locator("[data-side=left]")).to_contain_text(
        SENSOR["likely_cause"]["state"]["achilles_tendinopathy"]
    )
    expect(card.locator("[data-field=worn-shoe]")).to_contain_text("Daily trainer")
    disclaimer = SENSOR["recovery_phase"]["state_attributes"]["disclaimer"]["state"]
    expect(card.locator("footer.disclaimer")).to_have_text(
        disclaimer["not_medical_advice"]
    )
    body = card.locator(".card").inner_text()
    for key in ("monitoring", "not_medical_advice", "achilles_tendinopathy"):
        assert key not in body, f"an untranslated key on the card: {key}"


def test_screenshots_light_and_dark(page: Page, card: Locator) -> None:
    """Take the README's screenshots; the dark theme follows the browser's scheme."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    expect(card.locator("ul.exercises li")).not_to_have_count(0)
    background = card.locator(".card")

    def luminance() -> float:
        rgb = background.evaluate("e => getComputedStyle(e).backgroundColor")
        red, green, blue = (int(x) for x in re.findall(r"\d+", rgb)[:3])
        return (red + green + blue) / 3

    assert luminance() > 200
    card.screenshot(path=SCREENSHOTS / "ankle-care-card-light.png")
    page.emulate_media(color_scheme="dark")
    assert eventually(lambda: luminance() < 80), "the card did not turn dark"
    card.screenshot(path=SCREENSHOTS / "ankle-care-card-dark.png")
    page.emulate_media(color_scheme="light")
    assert eventually(lambda: luminance() > 200)
    if os.environ.get("ANKLE_CARE_UPDATE_SCREENSHOTS"):
        DOCS.mkdir(exist_ok=True)
        for shot in SCREENSHOTS.glob("ankle-care-card-*.png"):
            shutil.copy(shot, DOCS / shot.name)


def test_card_picker_offers_the_card_for_the_first_runner(page: Page) -> None:
    """The card picker lists the card; a new card gets the first runner."""
    found = page.evaluate(
        """() => {
          const Card = customElements.get('ankle-care-card');
          const hass = document.querySelector('home-assistant').hass;
          return {
            listed: window.customCards.filter(c => c.type === 'ankle-care-card').length,
            stub: Card.getStubConfig(hass),
            editor: Card.getConfigElement().localName,
          };
        }"""
    )
    assert found == {
        "listed": 1,
        "stub": {"config_entry_id": ENTRY_ID},
        "editor": "ankle-care-card-editor",
    }


def test_tick_an_exercise_off(server: Server, card: Locator) -> None:
    """Ticking an exercise on the card checks it off the runner's to-do list."""
    open_before = int(server.state(TODO)["state"])
    first = card.locator("ul.exercises li").first
    first.locator("input[type=checkbox]").check()
    expect(first).to_have_class("done")
    assert eventually(lambda: int(server.state(TODO)["state"]) == open_before - 1)


def test_a_refused_run_shows_the_translated_error_and_stores_nothing(
    server: Server, card: Locator
) -> None:
    """A run of 0 km is refused by the action; its error is shown in the card."""
    weekly_before = server.state(WEEKLY)["state"]
    card.locator("[data-action=run]").click()
    form = card.locator("form[data-form=run]")
    form.locator("input[name=distance]").fill("0")
    form.locator("button[type=submit]").click()
    message = EN["exceptions"]["distance_out_of_range"]["message"]
    expect(card.locator("[data-field=error]")).to_contain_text(
        message.format(value="0", unit="km")
    )
    expect(form).to_be_visible()  # kept open to correct the distance
    assert server.state(WEEKLY)["state"] == weekly_before
    form.get_by_role("button", name="Cancel").click()
    expect(form).to_have_count(0)


def test_log_soreness_changes_the_phase(server: Server, card: Locator) -> None:
    """A flare-up logged on the card moves the left ankle to acute care (RICE)."""
    card.locator("[data-action=soreness]").click()
    form = card.locator("form[data-form=soreness]")
    form.locator("input[name=severity]").fill("6")
    form.locator("input[name=side][value=left]").check()
    form.locator("svg[data-view=outer] [data-location=back_of_ankle]").click()
    expect(form.locator("select[name=location]")).to_have_value("back_of_ankle")
    form.locator("input[name=swelling]").check()
    form.locator("input[name=morning_stiffness]").check()
    form.locator("button[type=submit]").click()

    acute = phase_text("acute_care")
    expect(card.locator("[data-field=message]")).to_contain_text(acute)
    expect(card.locator("[data-field=phase]")).to_have_text(acute)
    expect(card.locator("[data-field=may-run]")).to_have_text("Not today")
    expect(card.locator("[data-side=left]")).to_contain_text(acute)
    assert server.state(PHASE)["state"] == "acute_care"
    soreness = server.state(SORENESS)
    assert soreness["state"] == "6"
    assert soreness["attributes"]["location"] == "back_of_ankle"
    assert soreness["attributes"]["side"] == "left"


def test_done_icing(card: Locator) -> None:
    """'Done icing' logs an ice treatment."""
    card.locator("[data-action=ice]").click()
    expect(card.locator("[data-field=message]")).to_have_text("Ice logged.")


def test_visual_editor(page: Page, server: Server) -> None:
    """The card's editor picks the runner and the sections; the preview follows."""
    page.goto(server.url + DASHBOARD + "?edit=1")
    options = page.locator("hui-card-options").filter(
        has=page.locator("ankle-care-card")
    )
    options.get_by_text("Edit", exact=True).click()
    dialog = page.locator("hui-dialog-edit-card")
    editor = dialog.locator("ankle-care-card-editor")
    runner = editor.locator("select[name=runner]")
    expect(runner).to_have_value(ENTRY_ID)
    expect(runner.locator("option")).to_have_text([RUNNER])
    preview = dialog.locator("ankle-care-card")
    expect(preview.locator("[data-section=shoes]")).to_have_count(1)
    editor.locator("input[name=shoes]").uncheck()
    expect(preview.locator("[data-section=shoes]")).to_have_count(0)
    expect(preview.locator("[data-section=status]")).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog.locator("ankle-care-card-editor")).to_have_count(0)


@pytest.mark.parametrize(("locale", "language"), [("de-DE", "de"), ("es-419", "es")])
def test_card_in_the_browsers_language(
    browser: Browser, server: Server, console: Console, locale: str, language: str
) -> None:
    """A browser set to German shows the card's own words and the phase in German.

    The frontend's language (`hass.language`) is the user's profile language, else
    the browser's: this user has none, so a German browser gets German. The card's
    words come from the integration's translations (`common.card_*`), never a key.
    Latin-American Spanish (`es-419`), which Ankle Care has no file for, reads its
    base language, Spanish.
    """
    texts = json.loads((TRANSLATIONS / f"{language}.json").read_text("utf-8"))
    context = browser.new_context(
        viewport={"width": 1280, "height": 2200}, color_scheme="light", locale=locale
    )
    tokens = json.dumps(json.dumps(server.tokens))
    context.add_init_script(f"window.localStorage.setItem('hassTokens', {tokens});")
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.on("console", console.on_message)
        page.on("pageerror", console.on_page_error)
        page.goto(server.url + DASHBOARD)
        assert page.evaluate("() => navigator.language") == locale
        card = page.locator("hui-masonry-view ankle-care-card")
        words = texts["common"]
        sensor = texts["entity"]["sensor"]
        expect(card.locator(".question")).to_have_text(words["card_may_run_question"])
        phase = server.state(PHASE)
        expect(card.locator("[data-field=phase]")).to_have_text(
            sensor["recovery_phase"]["state"][phase["state"]]
        )
        answer = (
            "card_may_run_yes" if phase["attributes"]["may_run"] else "card_may_run_no"
        )
        expect(card.locator("[data-field=may-run]")).to_contain_text(words[answer])
        expect(card.locator("[data-section=risk] h3")).to_have_text(words["card_risk"])
        expect(card.locator("[data-action=soreness]")).to_have_text(
            words["card_log_soreness"]
        )
        expect(card.locator("footer.disclaimer")).to_have_text(
            sensor["recovery_phase"]["state_attributes"]["disclaimer"]["state"][
                "not_medical_advice"
            ]
        )
        body = card.locator(".card").inner_text()
        assert "card_" not in body, "a key name on the card"
        for english in ("May I run today?", "Injury risk", "Quick actions"):
            assert english not in body, f"English on the {locale} card: {english}"
        # The card picker reads the card's description each time it opens.
        description = "() => window.customCards.find(c => c.type === 'ankle-care-card').description"
        assert eventually(
            lambda: page.evaluate(description) == words["card_card_description"]
        ), page.evaluate(description)
    finally:
        context.close()


def test_no_errors_in_the_browser_console(console: Console) -> None:
    """Nothing above wrote an error to the console or raised one in the page."""
    assert console.errors == []


def test_no_errors_from_ankle_care_in_the_server_log(server: Server) -> None:
    """The server logged no error of Ankle Care's."""
    log = Path(server.log).read_text("utf-8", errors="replace")
    problems = [
        line
        for line in log.splitlines()
        if ("ERROR" in line and "ankle_care" in line)
        or "custom_components/ankle_care/" in line
    ]
    assert problems == []
