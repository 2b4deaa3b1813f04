"""What comes out: the result of one document and its exports (CSV rows, pandas, table files)."""
