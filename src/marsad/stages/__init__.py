"""Extraction stages: entities, linking, dates, events, dedup.  Each is a marsad.pipeline.Stage."""
