"""Background work of the privacy app, queued with ids only."""

from django_tasks import task

from . import exports


@task()
def build_export(*, data_request_id):
    """Build the ZIP of one export request and mail its one-time link."""
    exports.build_export(data_request_id=data_request_id)
