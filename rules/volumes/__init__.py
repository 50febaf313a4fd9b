"""volumes rules."""

MODULES: tuple[str, ...] = ()
