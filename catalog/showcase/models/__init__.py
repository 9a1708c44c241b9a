"""The showcase's models: products and what belongs to them (``products``), and the storefront page (``pages``)."""

from .pages import ShowcasePage
from .products import (
    Certificate,
    CertificateQuerySet,
    CertificateType,
    Collection,
    CollectionItem,
    ModerationState,
    PriceTier,
    Product,
    ProductCategory,
    ProductImage,
    ProductQuerySet,
    ShowcaseError,
    StockStatus,
    SupplierProfile,
    Unit,
    hs_code_validator,
)

__all__ = [
    "Certificate",
    "CertificateQuerySet",
    "CertificateType",
    "Collection",
    "CollectionItem",
    "ModerationState",
    "PriceTier",
    "Product",
    "ProductCategory",
    "ProductImage",
    "ProductQuerySet",
    "ShowcaseError",
    "ShowcasePage",
    "StockStatus",
    "SupplierProfile",
    "Unit",
    "hs_code_validator",
]
