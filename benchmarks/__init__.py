"""newsbot's benchmark (`python -m benchmarks.run`). Scripts only: the app never imports this package."""
