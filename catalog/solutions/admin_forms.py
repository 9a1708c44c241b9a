"""Admin forms of catalog pages."""

from portal.translation import SynchronisedFactsPageForm


class SolutionCategoryPageForm(SynchronisedFactsPageForm):
    """Refuses a second category for the same need under one catalog, also when the page is being created."""

    def clean(self):
        cleaned_data = super().clean()
        need = cleaned_data.get("need")
        page_class = type(self.instance)
        parent = self.parent_page
        if need and parent is not None and page_class.need_taken(parent=parent, need=need, exclude_pk=self.instance.pk):
            self.add_error("need", page_class.NEED_TAKEN)
        return cleaned_data
