"""Volume rules (ECS170-179): mount points, Docker volumes, EFS, S3 Files, EBS (task-definition side)."""

MODULES: tuple[str, ...] = (
    "ecs170_mount_point_unknown_volume",
    "ecs171_mount_point_container_path",
    "ecs172_docker_volume_autoprovision_task_scope",
    "ecs173_efs_authorization_without_encryption",
    "ecs174_efs_transit_encryption_disabled",
    "ecs175_s3files_volume_configuration",
    "ecs176_ebs_filesystem_type_os",
)
