"""Where a staff page's time goes: bench/profile_pages.py for the signed-in staff pages of bench/pages.py.

    .venv/bin/python bench/profile_staff.py                         # the review list and the bureau reports
    .venv/bin/python bench/profile_staff.py review report-applications
    BENCH_PROFILE_SQL=1 .venv/bin/python bench/profile_staff.py review

The same demo site in BENCH_WORKDIR, warm-up, timing, query count and cProfile as bench/profile_pages.py
(same BENCH_* settings), through Django's test client signed in as the demo staff member (``force_login``;
staff two-factor authentication off, REQUIRE_STAFF_MFA=false, as in bench/pages.py). Nothing is asserted.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import profile_pages  # noqa: E402 (bench/profile_pages.py: the site, the measuring)

REPORTS = ("applications", "showcase", "inquiries")


def main():
    wanted = set(sys.argv[1:])
    profile_pages.prepare(REQUIRE_STAFF_MFA="false")
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from portal.companies.demo import STAFF_EMAIL

    urls = {"review": reverse("coaching_applications:index")}
    urls.update({f"report-{slug}": reverse(f"reports_{slug}") for slug in REPORTS})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(email=STAFF_EMAIL))

    def get(path):
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")

    summary = [
        profile_pages.measure(name, path, get, connection)
        for name, path in urls.items()
        if not wanted or name in wanted
    ]
    profile_pages.print_summary(summary)


if __name__ == "__main__":
    main()
