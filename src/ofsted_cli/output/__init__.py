"""Output: text for terminals and pipes, reports, charts and exports."""
