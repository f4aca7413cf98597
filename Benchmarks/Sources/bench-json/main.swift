// Placeholder: the JSONL reading benchmark lands with the fast parser.
print("bench-json: not written yet")
