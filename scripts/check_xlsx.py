#!/usr/bin/env python3
"""Reads an .xlsx workbook with openpyxl and prints its sheets as JSON: {sheet: [[cell, ...], ...]}.
Used by the tests of 'cardsim export --xlsx' (a real spreadsheet reader, not cardsim's writer)."""
import json
import sys
import warnings

import openpyxl

with warnings.catch_warnings():
    warnings.simplefilter("error")  # a workbook openpyxl warns about is a failure
    book = openpyxl.load_workbook(sys.argv[1], read_only=True)
    print(json.dumps({name: [[cell for cell in row] for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}))
