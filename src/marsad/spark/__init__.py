"""Scale-out on Spark: the same stage list as the local runner, run per partition.

`marsad.spark.tables` defines the Parquet tables (explicit, pyarrow-compatible
schemas) and converts Documents to rows and back; `marsad.spark.sources` splits
input files into records; `marsad.spark.job` is the PySpark job (also a
`spark-submit` entry point); `marsad.spark.load` merges the Parquet output into
the SQLite knowledge base.  Only `job` imports pyspark, so the rest works (and
is tested) without Java.
"""
