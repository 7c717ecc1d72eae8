# The two commands of the README: `make demo` and `make test`.
.PHONY: demo test benchmark clean card screenshots

demo:  ## start a real Home Assistant with Ankle Care on demo data
	scripts/demo

test:  ## ruff, mypy --strict, pytest on HA 2025.4.4 and 2026.2.3, card build, demo, browser test
	scripts/test

card:  ## rebuild the dashboard card (frontend/ankle-care-card.js) from frontend/src
	scripts/build-card

screenshots:  ## run the browser test and copy the card's screenshots into docs/
	ANKLE_CARE_UPDATE_SCREENSHOTS=1 scripts/browser-test

clean:
	rm -rf .venv .demo node_modules .browser-test

benchmark:  ## speed and memory figures of logging, setup and import (1, 5, 20 years)
	scripts/benchmark
