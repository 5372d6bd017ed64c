"""Speed benchmarks: svodka against natasha, the store, and Dask batch."""
