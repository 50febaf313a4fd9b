"""service rules."""

MODULES: tuple[str, ...] = ()
