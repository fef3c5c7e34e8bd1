"""`make bench`: the performance targets of issue 5, measured side by side."""
