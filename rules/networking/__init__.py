"""networking rules."""

MODULES: tuple[str, ...] = ()
