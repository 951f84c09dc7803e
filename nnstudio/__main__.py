"""``python -m nnstudio`` starts the application."""

from nnstudio.app import main

raise SystemExit(main())
