"""service_connect rules."""

MODULES: tuple[str, ...] = ()
