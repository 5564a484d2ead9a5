"""Simulated pupils: bots that play the real world logic, for mentors' demos and benchmarks."""
