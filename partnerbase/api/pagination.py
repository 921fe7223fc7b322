from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    """?page=N, and ?page_size= up to 500 (PAGE_SIZE by default)."""

    page_size_query_param = "page_size"
    max_page_size = 500
