"""Models: the catalog of known vision models, downloads from the hub, and the machine check (doctor)."""
