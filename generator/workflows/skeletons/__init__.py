"""Commented YAML skeletons that ``cchc init`` writes into a new working folder."""
