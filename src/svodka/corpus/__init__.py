"""Services over the pipeline and the store: ingest, worker processes and Dask workers, batch."""
