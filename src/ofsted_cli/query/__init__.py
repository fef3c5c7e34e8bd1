"""Questions answered from the compiled store: pure functions returning plain data."""
