"""capacity rules."""

MODULES: tuple[str, ...] = ()
