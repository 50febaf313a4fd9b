"""service_connect rules."""

MODULES: tuple[str, ...] = (
    "ecs400_service_connect_port_name",
    "ecs401_service_connect_duplicate_name",
    "ecs402_service_connect_name_format",
)
