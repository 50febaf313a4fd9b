"""logging rules."""

MODULES: tuple[str, ...] = ()
