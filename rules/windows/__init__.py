"""windows rules."""

MODULES: tuple[str, ...] = ()
