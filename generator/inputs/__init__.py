"""The user's files → validated models: YAML and Excel readers, every problem with its place."""
