"""marsad (مرصد): Arabic news → who did what to whom, when and where."""
__version__ = "0.1.0"
