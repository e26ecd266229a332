"""The storage layer of Word files: reading WordprocessingML back, writing it, packing the ZIP."""
