"""The knowledge base: stories across outlets, deduplicated events, Arabic search, exports.

`marsad.kb.api` is the query API (for the CLI and the web layer); `marsad.kb.index`
is what ingestion calls to keep stories, canonical events, actors and the
full-text index up to date inside each batch transaction.
"""
