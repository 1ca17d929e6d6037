"""Display-ready views of report sections (actors, coverage, frames), built from comparison records."""
