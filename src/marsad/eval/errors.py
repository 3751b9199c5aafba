"""The one error the harness raises on bad input, with file/line or record named."""


class EvalInputError(ValueError):
    """A gold, system or article file (or record) that cannot be scored."""
