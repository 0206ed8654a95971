"""The table contract is readable without loading the pipeline's spaCy components."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_the_schema_and_the_table_store_import_without_spacy():
    code = "import sys, pipeline.schema, pipeline.store; print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
