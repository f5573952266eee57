"""Benchmarks of carecycle-client against what users would pick instead.

`make bench` (or `python -m bench`) runs every measurement and writes bench/results.md.
Benchmarks report; they are not tests, and CI does not run them.
"""
