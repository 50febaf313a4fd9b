"""secrets rules."""

MODULES: tuple[str, ...] = ()
