from enum import Enum


class ProductMediaType(str, Enum):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"
