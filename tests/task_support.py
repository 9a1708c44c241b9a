"""Tasks that the worker tests queue: each attempt leaves a line in a file, so another process can count them."""

from pathlib import Path

from django_tasks import task

from portal.background import retries


class FlakyError(RuntimeError):
    pass


def _attempt(path):
    log = Path(path)
    attempt = (log.read_text().count("\n") if log.exists() else 0) + 1
    with log.open("a") as f:
        f.write(f"attempt {attempt}\n")
    return attempt


@retries(attempts=3, backoff_seconds=0)
@task()
def flaky(*, path, failures):
    """Fails its first ``failures`` attempts, then returns the attempt that succeeded."""
    attempt = _attempt(path)
    if attempt <= failures:
        raise FlakyError(f"attempt {attempt} fails on purpose")
    return attempt


@retries(attempts=4, backoff_seconds=60)
@task()
def slow_retry(*, path):
    """Always fails; waits a minute, then two, then four before its next attempts."""
    _attempt(path)
    raise FlakyError("always fails")


@task()
def no_policy(*, path):
    """Fails once and is never retried: it declares no retries."""
    _attempt(path)
    raise FlakyError("no retries")
