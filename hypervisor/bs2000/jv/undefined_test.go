package jv

import (
	"bytes"
	"testing"

	"sdfp/lexer/ebcdic"
)

// TestUndefinedIsXEE: the value of a JV never written is 256 bytes X'EE'
// as code page 1047 reads them.
func TestUndefinedIsXEE(t *testing.T) {
	if want := ebcdic.FromBytes(bytes.Repeat([]byte{0xEE}, MaxLen)); Undefined != want {
		t.Fatalf("Undefined is %q, X'EE' x %d reads %q", Undefined, MaxLen, want)
	}
}
