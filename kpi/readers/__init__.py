"""Reading rubric files: ``kpi.read_rubric(path, format=None, sheet=None)``.

Each reader turns a file into :class:`~kpi.source.SourceTable` objects and
:func:`kpi.assemble.assemble` makes the rubric, so every format is read the
same way once its cells are found.
"""
