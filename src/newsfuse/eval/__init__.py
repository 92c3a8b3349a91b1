"""Scoring primitives shared by the benchmarks and the quality gate."""
