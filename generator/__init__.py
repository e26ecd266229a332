"""cchc: official CCHC plans and reports (Nghị định 30/2020/NĐ-CP) from YAML and Excel data."""

__version__ = "0.1.0"
