"""Shared fixtures for the Home Assistant tests of Ankle Care."""
