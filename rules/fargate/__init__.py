"""Fargate platform rules (ECS200-239)."""

MODULES = ("ecs201_fargate_task_size",)
