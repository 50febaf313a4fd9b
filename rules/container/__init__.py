"""Container definition rules (ECS120-149)."""

MODULES: tuple[str, ...] = ()
