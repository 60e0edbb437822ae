package ebcdic

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// Code page 1047 as the manuals' examples use it: X'C8' is H, X'4A' the
// cent sign, X'EE' what a never-written JV holds; every byte is one
// character and back.
func TestCodePage(t *testing.T) {
	for _, tc := range []struct {
		r rune
		b byte
	}{{'H', 0xC8}, {' ', 0x40}, {'a', 0x81}, {'A', 0xC1}, {'0', 0xF0}, {'¢', 0x4A}, {'ä', 0x43},
		{'Ä', 0x63}, {'ß', 0x59}, {'{', 0xC0}, {'Ó', 0xEE}, {'\n', 0x25}, {'\u0085', 0x15}} {
		if c, ok := Code(tc.r); !ok || c != tc.b || Char(tc.b) != tc.r {
			t.Errorf("%q: code %02X %v, want %02X", tc.r, c, ok, tc.b)
		}
	}
	for b := 0; b < 256; b++ {
		if c, ok := Code(Char(byte(b))); !ok || int(c) != b {
			t.Errorf("byte %02X does not come back: %02X", b, c)
		}
	}
	if _, ok := Code('€'); ok {
		t.Error("the euro sign has a code")
	}
}

func TestCharacters(t *testing.T) {
	s := "Grüße!"
	if n := Len(s); n != 6 {
		t.Errorf("Len %d", n)
	}
	for _, tc := range []struct {
		i, n int
		want string
	}{{2, 2, "üß"}, {4, -1, "e!"}, {0, 100, s}, {6, 1, ""}, {9, 1, ""}, {-1, 1, "G"}} {
		if got := Slice(s, tc.i, tc.n); got != tc.want {
			t.Errorf("Slice(%d, %d) = %q, want %q", tc.i, tc.n, got, tc.want)
		}
	}
	if i, j := Index(s, "e"), LastIndex("äöäö", "ä"); i != 4 || j != 2 {
		t.Errorf("Index %d, LastIndex %d", i, j)
	}
	if i := Index(s, "x"); i != -1 {
		t.Errorf("Index of a missing pattern %d", i)
	}
	if got := string(Encode("Hä€")); got != "\xC8\x43\x3F" {
		t.Errorf("Encode %q", got)
	}
	if got := ToUpper("grüße ÿ"); got != "GRÜßE ÿ" {
		t.Errorf("ToUpper %q", got)
	}
}

// An odd number of hex digits: SDF-P's string literal pads on the left
// (X'123' is X'0123'), a JV value in a command on the right (X'0FF' is
// X'0FF0').
func TestHexPadding(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{DecodeHexLiteral("123"), FromBytes([]byte{0x01, 0x23})},
		{DecodeHexLiteral("C1C2C"), FromBytes([]byte{0x0C, 0x1C, 0x2C})},
		{DecodeHex("0FF"), FromBytes([]byte{0x0F, 0xF0})},
		{DecodeHex("C1C2C"), "AB{"},
		{DecodeHexLiteral("C8C1D3D3D6"), "HALLO"},
		{DecodeHexLiteral("4A"), "¢"},
		{DecodeHex(""), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
}

func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"a", "A", -1}, {"Z", "0", -1}, {"ä", "a", -1}, {"Ä", "A", -1}, {"Bär", "Bar", -1},
		{"ABC", "ABC ", -1}, {"ABCDEF", "ABCDE", 1}, {"Grüße", "Grüße", 0}, {"", "", 0}, {"", "a", -1},
		{"\t", " ", -1}, // tab X'05', blank X'40'
	} {
		if got := Compare(tc.a, tc.b); got != tc.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestValid(t *testing.T) {
	for _, tc := range []struct {
		s    string
		off  int
		what string
	}{
		{"Grüße ¢¬", -1, ""}, {"5 €", 2, "'€' (U+20AC)"}, {"Gr\xfc", 2, "byte X'FC'"}, {"a\u0085", -1, ""},
		{"“x”", 0, "'“' (U+201C)"},
	} {
		off, _ := Valid(tc.s)
		if off != tc.off || off >= 0 && Describe(tc.s, off) != tc.what {
			t.Errorf("Valid(%q) = %d, want %d %s", tc.s, off, tc.off, tc.what)
		}
	}
	if Describe("\x01", 0) != "U+0001" {
		t.Errorf("control character: %s", Describe("\x01", 0))
	}
}

// FuzzCharacters: every EBCDIC byte string is a value of one character a
// byte; counting, cutting, searching and ordering the value agree with
// the same on its bytes, and nothing panics on any Go string.
func FuzzCharacters(f *testing.F) {
	f.Add([]byte("HALLO"), 2, 2)
	f.Add([]byte{0x43, 0xC1, 0x59, 0xEE, 0x4A}, 1, 3)
	f.Add([]byte("Gr\xc3\xbc\xc3\x9fe"), 0, -1)
	f.Add([]byte{0xFF, 0x00, 0x15, 0x25}, 3, 9)
	f.Add([]byte{0xC1, 0xC2, 0xC3}, 5, 0) // ASCII, past the end
	f.Add([]byte{0xC1, 0xC2, 0xC3}, 1, 1<<62)
	f.Fuzz(func(t *testing.T, data []byte, i, n int) {
		raw := string(data) // any Go string: no panics
		Len(raw)
		Slice(raw, i, n)
		Compare(raw, "Grüße")
		if off, _ := Valid(raw); off >= 0 {
			Describe(raw, off)
		}
		s := FromBytes(data)
		if !utf8.ValidString(s) || Len(s) != len(data) || !bytes.Equal(Encode(s), data) {
			t.Fatalf("%q: value %q of %d characters", data, s, Len(s))
		}
		if off, _ := Valid(s); off >= 0 {
			t.Fatalf("%q: a value of EBCDIC bytes is not valid at %d", data, off)
		}
		half := len(data) / 2
		a, b := FromBytes(data[:half]), FromBytes(data[half:])
		if got, want := Compare(a, b), bytes.Compare(data[:half], data[half:]); got != want {
			t.Fatalf("Compare(%q, %q) = %d, bytes say %d", a, b, got, want)
		}
		from, to := max(0, min(i, len(data))), len(data)
		if n >= 0 {
			to = min(to, from+n)
		}
		if got := Slice(s, i, n); got != FromBytes(data[from:to]) && i >= 0 {
			t.Fatalf("Slice(%d, %d) = %q", i, n, got)
		}
		if got, want := Index(s, b), bytes.Index(data, data[half:]); got != want {
			t.Fatalf("Index %d, bytes say %d", got, want)
		}
		if got := ToUpper(s); Len(got) != Len(s) || !utf8.ValidString(got) {
			t.Fatalf("ToUpper(%q) = %q", s, got)
		}
	})
}

// ASCII, word by word, against the rule byte by byte: one non-ASCII byte
// at every position of strings of every length up to three words and a
// tail, and none.
func TestASCIIWords(t *testing.T) {
	for n := 0; n <= 27; n++ {
		plain := strings.Repeat("a", n)
		if !ASCII(plain) {
			t.Errorf("%q: not ASCII", plain)
		}
		for i := 0; i < n; i++ {
			for _, c := range []byte{0x80, 0xC3, 0xFF} {
				b := []byte(plain)
				b[i] = c
				if ASCII(string(b)) {
					t.Errorf("length %d, byte %#x at %d: ASCII", n, c, i)
				}
			}
		}
	}
}
