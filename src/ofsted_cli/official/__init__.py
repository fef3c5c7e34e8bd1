"""Import of Ofsted's official files (and the report scrape) into the curated data."""
