"""Ankle Care domain core: plain Python with no Home Assistant import.

Records come in, pure functions compute figures, rules and plans. The Home Assistant
glue around this package only stores records and shows what these modules compute.
"""
