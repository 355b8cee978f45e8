"""The optional C part of the stop loop (pyproject.toml holds the rest).

``optional=True``: without a compiler the install goes on, and pyktrace's
stop loop runs in Python alone (slower on syscall-heavy programs).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("ktrace.tracer._fastpath", ["ktrace/tracer/_fastpath.c"],
                             optional=True)])
