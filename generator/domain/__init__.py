"""What cchc knows, without any I/O: models, periods, deadlines, indicators, formatting, the ND 30 rules.

Every other room imports from here; this room imports nothing of cchc but ``generator.errors``.
"""
