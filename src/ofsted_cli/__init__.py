"""ofsted-cli: the validated record of Ofsted judgements on children's services."""

__version__ = "0.1.0"
