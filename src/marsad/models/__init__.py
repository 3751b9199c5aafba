"""Model files trained by the project and shipped with the package (see marsad/ner/README.md)."""
