"""Python types of Saleor's custom scalars in the generated operations (``[tool.ariadne-codegen.scalars]``).

``Day`` is ``datetime.date`` under another name: ``AttributeValueInput`` has a field called ``date``,
which in a generated class body would otherwise shadow the type ``date`` (pydantic then reads the
field's type as ``None``).
"""

import datetime

Day = datetime.date
