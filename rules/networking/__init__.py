"""Networking rules (ECS160-169): network modes, ports, links, hostnames, DNS, sysctls."""

MODULES: tuple[str, ...] = (
    "ecs160_port_mapping_network_mode",
    "ecs161_links_network_mode",
    "ecs162_awsvpc_unsupported_container_setting",
    "ecs163_reserved_or_ephemeral_host_port",
    "ecs164_duplicate_host_port",
    "ecs165_root_user_host_network",
    "ecs166_invalid_dns_search_domain",
    "ecs167_invalid_docker_security_option",
    "ecs168_invalid_system_controls",
    "ecs169_prefer_awsvpc_network_mode",
)
