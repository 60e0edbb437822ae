package catalog

import "testing"

// <fixed n.nn..m.mm>: the range is held in units of its finest scale and
// renders back as written.
func TestFixedType(t *testing.T) {
	ops, err := ParseOperands(`CPU-QUOTA = *STD / <fixed 0.01..99.99>
		MAX-CPU-UTILIZATION = 100 / <fixed 0.01..100.00>
		SHARE = <fixed 1..2.5>`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		op              *Operand
		min, max        int64
		scale           int
		synopsis, deflt string
	}{
		{ops[0], 1, 9999, 2, "CPU-QUOTA = *STD / <fixed 0.01..99.99>", "*STD"},
		{ops[1], 1, 10000, 2, "MAX-CPU-UTILIZATION = 100 / <fixed 0.01..100.00>", "100"},
		{ops[2], 10, 25, 1, "SHARE = <fixed 1.0..2.5>", ""},
	}
	for _, tt := range tests {
		a := tt.op.Alts[len(tt.op.Alts)-1]
		if a.Kind != AltFixed || a.Min != tt.min || a.Max != tt.max || a.Scale != tt.scale || !a.HasRange {
			t.Errorf("%s: %+v", tt.op.Name, a)
		}
		if got := tt.op.Synopsis(); got != tt.synopsis {
			t.Errorf("synopsis %q, want %q", got, tt.synopsis)
		}
		if got := tt.op.Default(); got != tt.deflt {
			t.Errorf("%s default %q", tt.op.Name, got)
		}
	}
	for _, bad := range []string{"Q = <fixed 99.99..0.01>", "Q = <fixed 1.x..2>", "Q = <fixed ..2>"} {
		if _, err := ParseOperands(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestParseFormatFixed(t *testing.T) {
	for _, tt := range []struct {
		in    string
		scale int
		n     int64
		ok    bool
		out   string
	}{
		{"12", 2, 1200, true, "12.00"},
		{"12.5", 2, 1250, true, "12.50"},
		{"0.01", 2, 1, true, "0.01"},
		{".5", 1, 5, true, "0.5"},
		{"7", 0, 7, true, "7"},
		{"-1.25", 2, -125, true, "-1.25"},
		{"1.234", 2, 0, false, ""},
		{"1.-5", 2, 0, false, ""},
		{"A", 2, 0, false, ""},
		{".", 2, 0, false, ""},
	} {
		n, ok := ParseFixed(tt.in, tt.scale)
		if n != tt.n || ok != tt.ok {
			t.Errorf("ParseFixed(%q, %d) = %d, %v", tt.in, tt.scale, n, ok)
		}
		if ok && FormatFixed(n, tt.scale) != tt.out {
			t.Errorf("FormatFixed(%d, %d) = %q, want %q", n, tt.scale, FormatFixed(n, tt.scale), tt.out)
		}
	}
}
