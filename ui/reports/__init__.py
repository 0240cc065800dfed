"""The Rapporter page's parts: worker jobs, the PDF preview, the archive list."""
