"""iam rules."""

MODULES: tuple[str, ...] = ()
