"""IAM rules (ECS500-599): trust policies, execution-role and task-role permissions, least privilege."""

MODULES: tuple[str, ...] = (
    "ecs500_role_not_assumable_by_ecs_tasks",
    "ecs501_role_trusts_any_principal",
    "ecs502_trust_without_source_conditions",
    "ecs503_same_execution_and_task_role",
    "ecs504_infrastructure_role",
    "ecs505_missing_ecs_service_linked_role",
    "ecs506_instance_role_missing_ecs_poll",
    "ecs507_windows_awslogs_execution_role_override",
    "ecs520_execution_role_ecr_pull",
    "ecs521_execution_role_awslogs",
    "ecs522_execution_role_secrets",
    "ecs523_execution_role_s3_files",
    "ecs524_task_role_firelens_destination",
    "ecs525_firelens_destination_without_task_role",
    "ecs526_agent_credentials_without_execution_role",
    "ecs550_efs_iam_without_task_role",
    "ecs551_task_role_efs_mount",
    "ecs570_role_admin_access",
    "ecs571_role_privilege_escalation",
    "ecs572_execution_role_broad_secret_access",
)
