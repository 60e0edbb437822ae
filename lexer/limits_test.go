package lexer

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// readWith reads src within lim and returns the units as
// "kind@line:col|text" and the problems as strings.
func readWith(lim Limits, src string) (units, errs []string, omitted int) {
	d := lim.NewDiagnostics()
	for _, u := range lim.Read("t.proc", src, d) {
		p := u.Pos()
		units = append(units, fmt.Sprintf("%s@%d:%d|%s", u.Kind, p.Line, p.Column, u.Text))
	}
	for _, e := range d.List {
		errs = append(errs, e.Error())
	}
	return units, errs, d.Omitted
}

// A line longer than a BS2000 record is reported where it passes the
// limit and not read; the lines after it are.
func TestLineTooLong(t *testing.T) {
	long := "/WRITE-TEXT '" + strings.Repeat("A", DefaultLimits.LineBytes) + "'"
	units, errs, _ := readWith(DefaultLimits, "/A = 1\n"+long+"\n/B = 2\n")
	want := fmt.Sprintf("t.proc:2:%d: CMD0202 line 2 is %d bytes long; a procedure line (a BS2000 record) has at most %d",
		DefaultLimits.LineBytes+1, len(long), DefaultLimits.LineBytes)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
		t.Errorf("problems %q, want one starting %q", errs, want)
	}
	if got := strings.Join(units, "\n"); got != "command@1:2|A = 1\ncommand@3:2|B = 2" {
		t.Errorf("units:\n%s", got)
	}
	// a line of exactly the limit is read
	exact := "/" + strings.Repeat("A", DefaultLimits.LineBytes-1)
	if _, errs, _ := readWith(DefaultLimits, exact+"\n"); len(errs) != 0 {
		t.Errorf("a line of %d bytes: %q", len(exact), errs)
	}
}

// A 1 MB line costs the reader no more than a few allocations: it is
// refused before anything is built from it (the tokenizer took 437 MB).
func TestHugeLineMemory(t *testing.T) {
	src := "/A = " + strings.Repeat("1+", 1<<19) + "1\n/B = 1\n"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	units, errs := Read("t.proc", src)
	runtime.ReadMemStats(&after)
	if len(errs) != 1 || len(units) != 1 {
		t.Fatalf("%d units, problems %v", len(units), errs)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("reading a 1 MB line allocated %d bytes", n)
	}
}

// A command longer than SDF reads, after its continuation lines are
// joined, is reported at the byte that passes the limit and read as
// empty; reading goes on with the next command.
func TestCommandTooLong(t *testing.T) {
	lim := Limits{LineBytes: 100, CommandBytes: 50}
	src := "/WRITE-TEXT '" + strings.Repeat("A", 30) + "-\n/" + strings.Repeat("B", 30) + "-\n/" + strings.Repeat("C", 30) + "'\n/X = 1\n"
	units, errs, _ := readWith(lim, src)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "t.proc:2:10: CMD0202 the command is longer than 50 bytes") {
		t.Errorf("problems %q", errs)
	}
	if got := strings.Join(units, "\n"); got != "command@1:2|\ncommand@4:2|X = 1" {
		t.Errorf("units:\n%s", got)
	}
}

// A file over the size limit gives one problem and no units.
func TestFileTooLarge(t *testing.T) {
	units, errs, _ := readWith(Limits{FileBytes: 10}, "/A = 1\n/B = 2\n")
	if len(units) != 0 || len(errs) != 1 || !strings.HasPrefix(errs[0], "t.proc:1:1: SDP0091 the file is larger than 10 bytes") {
		t.Errorf("units %q, problems %q", units, errs)
	}
}

// Continuation lines that add nothing ("/-") do not make a command's
// position map grow, and positions after them are right.
func TestEmptyContinuationLines(t *testing.T) {
	src := "/A = 1 + -\n" + strings.Repeat("/-\n", 5000) + "/ 2\n"
	units, errs := Read("t.proc", src)
	if len(errs) != 0 || len(units) != 1 {
		t.Fatalf("%d units, %v", len(units), errs)
	}
	u := units[0]
	if len(u.segs) > 2 {
		t.Errorf("%d segments for 2 lines with text", len(u.segs))
	}
	toks, err := Tokenize(u)
	if err != nil {
		t.Fatal(err)
	}
	if p := toks[4].Pos; toks[4].Value != "2" || p.Line != 5002 || p.Column != 3 || src[p.Offset] != '2' {
		t.Errorf("token %q at %d:%d offset %d", toks[4].Value, p.Line, p.Column, p.Offset)
	}
}

// The problems of a file are kept up to Max and counted beyond.
func TestDiagnosticsCap(t *testing.T) {
	src := strings.Repeat("/A = 1 -\nB\n", 10)
	_, errs, omitted := readWith(Limits{Findings: 3}, src)
	if len(errs) != 3 || omitted != 7 {
		t.Errorf("%d kept, %d omitted: %q", len(errs), omitted, errs)
	}
	if _, errs, omitted := readWith(Limits{}, src); len(errs) != 10 || omitted != 0 {
		t.Errorf("no limit: %d kept, %d omitted", len(errs), omitted)
	}
}

// A UTF-8 byte order mark is skipped: the first command is read as if it
// were not there, with columns counted after it and offsets of the file.
func TestByteOrderMark(t *testing.T) {
	src := "\xEF\xBB\xBF/A = 1\n/B = 2\n"
	units, errs, _ := readWith(DefaultLimits, src)
	if len(errs) != 0 || strings.Join(units, " ") != "command@1:2|A = 1 command@2:2|B = 2" {
		t.Fatalf("units %q, problems %q", units, errs)
	}
	u, _ := Read("t.proc", src)
	toks, _ := Tokenize(u[0])
	p := toks[2].Pos
	if toks[2].Value != "1" || p.Column != 6 || src[p.Offset] != '1' {
		t.Errorf("token %q at column %d, offset %d", toks[2].Value, p.Column, p.Offset)
	}
	if got, want := Snippet(src, p), "   | /A = 1\n   |      ^\n"; got != want {
		t.Errorf("snippet\n%s\nwant\n%s", got, want)
	}
}

func utf16Bytes(s string, bigEndian bool) string {
	var b []byte
	for _, r := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(r>>8), byte(r))
		} else {
			b = append(b, byte(r), byte(r>>8))
		}
	}
	return string(b)
}

// Files in UTF-16, UTF-32 or EBCDIC are reported as such, at 1:1, with
// what to do, instead of a garbage error about their first line.
func TestForeignEncodings(t *testing.T) {
	proc := "/SET-PROCEDURE-OPTIONS\n/WRITE-TEXT 'HELLO'\n"
	var ebcdic string
	for _, line := range strings.SplitAfter(proc, "\n") {
		e, err := charmap.CodePage1047.NewEncoder().String(strings.TrimSuffix(line, "\n"))
		if err != nil {
			t.Fatal(err)
		}
		ebcdic += e + "\x15" // the EBCDIC new line
	}
	tests := []struct{ name, src, want string }{
		{"UTF-16LE with BOM", "\xFF\xFE" + utf16Bytes(proc, false), "UTF-16 (little-endian) (it starts with a byte order mark)"},
		{"UTF-16BE with BOM", "\xFE\xFF" + utf16Bytes(proc, true), "UTF-16 (big-endian) (it starts with a byte order mark)"},
		{"UTF-16LE", utf16Bytes(proc, false), "UTF-16 (little-endian) (every other byte is NUL)"},
		{"UTF-16BE", utf16Bytes(proc, true), "UTF-16 (big-endian) (every other byte is NUL)"},
		{"UTF-32LE", "\xFF\xFE\x00\x00" + utf16Bytes(proc, false), "UTF-32 (little-endian)"},
		{"EBCDIC", ebcdic, "EBCDIC (its first line reads '/SET-PROCEDURE-OPTIONS' in code page 1047)"},
		{"EBCDIC indented", "\x40\x40" + ebcdic, "EBCDIC"},
	}
	for _, tt := range tests {
		units, errs, _ := readWith(DefaultLimits, tt.src)
		if len(units) != 0 || len(errs) != 1 || !strings.HasPrefix(errs[0], "t.proc:1:1: SDP0091 the file is encoded in "+tt.want) {
			t.Errorf("%s: units %q, problems %q", tt.name, units, errs)
		}
	}
	// text sdfp reads: ASCII, UTF-8 whose characters all have an EBCDIC
	// code (umlauts do), also after a byte order mark, and a data line
	// starting with 'a' (0x61, EBCDIC's '/')
	for _, src := range []string{proc, "/WRITE-TEXT 'Grüße'\n", "\uFEFF/WRITE-TEXT '¢¬Ý'\n", "a data line\n/A = 1\n"} {
		if _, errs, _ := readWith(DefaultLimits, src); len(errs) != 0 {
			t.Errorf("%q: %q", src, errs)
		}
	}
}

// Host text meets EBCDIC in the reader: a file that is not UTF-8 (an
// 8-bit code page) is refused at its first such byte, and every
// character that has no EBCDIC code is an error where it stands.
func TestCharacterSet(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"Latin-1", "/A = 1\n/WRITE-TEXT 'Gr\xfc\xdfe'\n",
			[]string{"t.proc:2:16: SDP0091 byte X'FC' is not UTF-8: the file is in an 8-bit code page such as Latin-1; sdfp reads procedures as ASCII or UTF-8 text: convert it, for example with iconv -f LATIN1 -t UTF-8"}},
		{"euro and quotes", "/WRITE-TEXT '5 €'\n/A = 1 \" “x” \"\n",
			[]string{"t.proc:1:16: CMD0202 the character '€' (U+20AC) has no EBCDIC code",
				"t.proc:2:10: CMD0202 the character '“' (U+201C)",
				"t.proc:2:14: CMD0202 the character '”' (U+201D)"}},
		{"after a byte order mark", "\uFEFF/A = '€'\n", []string{"t.proc:1:7: CMD0202 the character '€'"}},
	}
	for _, tt := range tests {
		units, errs, _ := readWith(DefaultLimits, tt.src)
		if len(errs) != len(tt.want) {
			t.Errorf("%s: problems %q", tt.name, errs)
			continue
		}
		for i, w := range tt.want {
			if !strings.HasPrefix(errs[i], w) {
				t.Errorf("%s: problem %d is %q, want %q...", tt.name, i, errs[i], w)
			}
		}
		if tt.name == "Latin-1" && len(units) != 0 {
			t.Errorf("%s: %d units read from a file refused", tt.name, len(units))
		}
	}
}

// A snippet of a long line shows a window around the column, marked at
// the cut ends, with the caret under the column.
func TestSnippetWindow(t *testing.T) {
	line := "/WRITE-TEXT '" + strings.Repeat("abcdefghij", 300) + "' X"
	src := "/A = 1\n" + line + "\n/B = 2\n"
	col := len(line) // the X
	pos := Pos{Line: 2, Column: col, Offset: len("/A = 1\n") + col - 1}
	got := Snippet(src, pos)
	lines := strings.Split(got, "\n")
	if len(got) > 2*(snippetBefore+snippetAfter+20) || len(lines) != 3 {
		t.Fatalf("snippet of %d bytes:\n%s", len(got), got)
	}
	if !strings.HasPrefix(lines[0], "   | ...") || !strings.HasSuffix(lines[0], "' X") {
		t.Errorf("text line %q", lines[0])
	}
	if caret := strings.Index(lines[1], "^"); lines[0][caret] != 'X' {
		t.Errorf("caret under %q:\n%s", lines[0][caret], got)
	}
	// at the start of the line: cut on the right only
	got = Snippet(src, Pos{Line: 2, Column: 2, Offset: len("/A = 1\n") + 1})
	if first := strings.Split(got, "\n")[0]; !strings.HasPrefix(first, "   | /WRITE-TEXT") || !strings.HasSuffix(first, "...") || len(first) > snippetAfter+20 {
		t.Errorf("start of a long line: %q", first)
	}
	// a window never cuts a UTF-8 character in two
	u := "/A = '" + strings.Repeat("é", 200) + "'"
	got = Snippet(u, Pos{Line: 1, Column: 200, Offset: 199})
	if !strings.Contains(got, "...") || !utf8Valid(got) {
		t.Errorf("snippet cuts a character: %q", got)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// A snippet for a position whose offset does not fit the file (a
// position made by hand) is found by its line number.
func TestSnippetWithoutOffset(t *testing.T) {
	src := "/A = 1\n/B = 2\n"
	for _, p := range []Pos{{Line: 2, Column: 2}, {Line: 2, Column: 2, Offset: 3}, {Line: 2, Column: 2, Offset: 999}} {
		if got := Snippet(src, p); got != "   | /B = 2\n   |  ^\n" {
			t.Errorf("%+v: %q", p, got)
		}
	}
	if got := Snippet(src, Pos{Line: 9, Column: 1}); got != "" {
		t.Errorf("line 9 of 2: %q", got)
	}
}

func TestClip(t *testing.T) {
	if got := Clip("SHORT"); got != "SHORT" {
		t.Errorf("%q", got)
	}
	if got := Clip(strings.Repeat("A", 1000)); got != strings.Repeat("A", clipBytes)+"..." {
		t.Errorf("%q", got)
	}
	if got := ClipN("aé", 2); got != "a..." {
		t.Errorf("cut in a character: %q", got)
	}
}

// BenchmarkSnippets renders a snippet for every line of a file: linear
// in the number of findings, as each finds its line from its offset
// (scanning from the start of the file for each took 48 s for 100,000).
func BenchmarkSnippets(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			src := strings.Repeat("/WRITE-TEXT 'A LINE OF A PROCEDURE'\n", n)
			width := len("/WRITE-TEXT 'A LINE OF A PROCEDURE'\n")
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for l := 0; l < n; l++ {
					Snippet(src, Pos{Line: l + 1, Column: 3, Offset: l*width + 2})
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/finding")
		})
	}
}

// BenchmarkReadLongLines reads files of long lines and of commands of
// many continuation lines; bytes per input byte should stay flat.
func BenchmarkReadLongLines(b *testing.B) {
	shapes := map[string]string{
		"line=4000":          strings.Repeat("/WRITE-TEXT '"+strings.Repeat("A", 3980)+"'\n", 500),
		"continuations=4000": strings.Repeat("/A = 1 + -\n"+strings.Repeat("/ 1 + -\n", 1000)+"/ 1\n", 4),
		"line=1MB":           "/A = " + strings.Repeat("1+", 1<<19) + "1\n",
	}
	for _, name := range []string{"line=4000", "continuations=4000", "line=1MB"} {
		src := shapes[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			for i := 0; i < b.N; i++ {
				units, _ := Read("t.proc", src)
				for _, u := range units {
					Tokenize(u)
				}
			}
			runtime.ReadMemStats(&ms1)
			b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/float64(len(src)), "B/input-B")
		})
	}
}
