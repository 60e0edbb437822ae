package vm2000

// AsLoaded is inst without the mark of the embedded installation, for a
// comparison with the same file loaded (default_literal_test.go).
func AsLoaded(inst *Installation) *Installation {
	c := *inst
	c.embedded = false
	return &c
}
