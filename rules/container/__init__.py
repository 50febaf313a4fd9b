"""Container definition rules (ECS120-149)."""

MODULES: tuple[str, ...] = (
    "ecs120_invalid_container_resources",
    "ecs121_unbounded_container_memory",
    "ecs122_spot_container_stop_timeout",
    "ecs123_container_name_as_hostname",
)
