"""Task-level rules (ECS100-119)."""

MODULES = ("ecs100_no_essential_container",)
