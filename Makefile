# The two commands of the README: `make demo` and `make test`.
.PHONY: demo test benchmark clean

demo:  ## start a real Home Assistant with Ankle Care on demo data
	scripts/demo

test:  ## ruff, mypy --strict and pytest (coverage >= 95 %) on HA 2025.4.4 and 2026.2.3
	scripts/test

clean:
	rm -rf .venv .demo

benchmark:  ## speed and memory figures of logging, setup and import (1, 5, 20 years)
	scripts/benchmark
