"""``cchc check``: any Word file against the rules of Nghị định 30/2020 that can be checked."""
