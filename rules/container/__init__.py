"""Container definition rules (ECS120-199)."""

MODULES = ("ecs150_swap_values", "ecs151_swappiness_without_max_swap")
