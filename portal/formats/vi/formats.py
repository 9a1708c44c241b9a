"""Vietnamese groups thousands with a dot (12.500), which Django's vi formats leave ungrouped."""

NUMBER_GROUPING = 3
