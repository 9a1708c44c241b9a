"""Taiwan groups thousands with a comma (NT$1,500), which Django's zh_Hant formats leave out."""

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
