"""pyktrace: NetBSD's ktrace(1)/kdump(1) for Linux processes."""

__version__ = "0.1.0"
