"""service_connect rules."""

MODULES: tuple[str, ...] = (
    "ecs400_service_connect_port_name",
)
