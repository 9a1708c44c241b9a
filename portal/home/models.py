from wagtail.models import Page


class HomePage(Page):
    max_count_per_parent = 1
    template = "home/home_page.html"
