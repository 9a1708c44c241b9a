from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import REPORTS


class ReportMenuItem(MenuItem):
    def __init__(self, report):
        self.report = report
        super().__init__(report.page_title, reverse(f"reports_{report.slug}"), icon_name="table", order=100)

    def is_shown(self, request):
        return self.report.user_can_see(request.user)


@hooks.register("register_admin_urls")
def report_urls():
    urls = []
    for report in REPORTS:
        urls.append(path(f"bureau-reports/{report.slug}/", report.as_view(), name=f"reports_{report.slug}"))
        urls.append(
            path(
                f"bureau-reports/{report.slug}/results/",
                report.as_view(results_only=True),
                name=f"reports_{report.slug}_results",
            )
        )
    return urls


for _report in REPORTS:
    hooks.register("register_reports_menu_item", lambda report=_report: ReportMenuItem(report))
