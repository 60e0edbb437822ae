package lexer

import (
	"fmt"
	"strings"
	"testing"
)

// The record and command limits count EBCDIC bytes, one a character: a
// line of umlauts takes twice the limit in UTF-8 and is still one record.
func TestLimitsCountCharacters(t *testing.T) {
	lim := DefaultLimits
	fits := "/A = '" + strings.Repeat("ä", lim.LineBytes-7) + "'"
	if _, errs, _ := readWith(lim, fits+"\n"); len(errs) != 0 {
		t.Errorf("a line of %d characters (%d bytes): %q", lim.LineBytes, len(fits), errs)
	}
	over := "/A = '" + strings.Repeat("ä", lim.LineBytes-6) + "'"
	_, errs, _ := readWith(lim, over+"\n")
	// the first character past the limit is an umlaut: its byte column
	want := fmt.Sprintf("t.proc:1:%d: CMD0202 line 1 is %d bytes long", 6+2*(lim.LineBytes-6)+1, lim.LineBytes+1)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
		t.Errorf("problems %q, want %q...", errs, want)
	}
	// a command of continuation lines: 16,364 characters in umlauts fit
	// ("A = '", 999 + 15 * 1000 umlauts, the rest, "'")
	cmd := "/A = '" + strings.Repeat("ö", 999) + "-\n" + strings.Repeat("/"+strings.Repeat("ö", 1000)+"-\n", 15) +
		"/" + strings.Repeat("ü", lim.CommandBytes-5-999-15000-1) + "'\n"
	if _, errs, _ := readWith(lim, cmd); len(errs) != 0 {
		t.Errorf("a command of %d characters: %q", lim.CommandBytes, errs)
	}
	cmd = strings.Replace(cmd, "'\n", "ü'\n", 1)
	if _, errs, _ := readWith(lim, cmd); len(errs) != 1 || !strings.Contains(errs[0], "the command is longer than 16364 bytes") {
		t.Errorf("a command of %d characters: %q", lim.CommandBytes+1, errs)
	}
}
