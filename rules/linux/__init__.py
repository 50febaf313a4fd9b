"""linuxParameters and swap rules (ECS150-159)."""

MODULES = ("ecs150_swap_values", "ecs151_swappiness_without_max_swap")
