"""linuxParameters and swap rules (ECS150-159)."""

MODULES = (
    "ecs150_swap_values",
    "ecs151_swappiness_without_max_swap",
    "ecs152_invalid_kernel_capability",
    "ecs153_capabilities_with_privileged",
    "ecs154_broad_kernel_capability",
    "ecs155_invalid_tmpfs_or_shared_memory",
    "ecs156_max_swap_without_memory_limit",
    "ecs157_writable_root_filesystem",
    "ecs158_max_swap_needs_host_swap",
)
