"""`python -m benchmarks`: the common runner (`benchmarks.run`)."""

from benchmarks.run import main

raise SystemExit(main())
