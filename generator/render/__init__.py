"""Templates → documents: the Jinja environment, template preparation, the engine, the contexts."""
