"""exec rules."""

MODULES: tuple[str, ...] = ()
