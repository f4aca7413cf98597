// Placeholder: this release-mode benchmark lands with its stage.
print("bench-validate: not written yet")
