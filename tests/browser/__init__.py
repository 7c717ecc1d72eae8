"""End-to-end test of the dashboard card in a real browser (own virtualenv)."""
