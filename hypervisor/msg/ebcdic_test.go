package msg_test

import (
	"testing"

	"sdfp/hypervisor/msg"
	"sdfp/lexer/ebcdic"
)

// What sdfp prints goes to SYSOUT and SYSLST, which on BS2000 are EBCDIC:
// every text of the catalog, English and German, has a code page 1047
// code for each character, so writing output is no conversion that could
// lose one (values are checked where they enter, see lexer/ebcdic).
func TestTextsAreEBCDIC(t *testing.T) {
	c := msg.Default()
	n := 0
	for _, key := range c.Keys() {
		for _, lang := range []string{"E", "D"} {
			text, ok := c.Text(key, lang, nil)
			if !ok {
				continue
			}
			n++
			if off, _ := ebcdic.Valid(text); off >= 0 {
				t.Errorf("%s (%s): %s has no EBCDIC code: %q", key, lang, ebcdic.Describe(text, off), text)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d texts checked", n)
	}
}
