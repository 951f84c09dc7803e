"""Entry point of the bundled application (packaging/nnstudio.spec): ``nnstudio [options]``."""

from nnstudio.app import main

raise SystemExit(main())
