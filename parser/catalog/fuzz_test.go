package catalog

import "testing"

// Operand declarations now also come from installation files (site
// commands): no declaration text may panic the notation's parser.
func FuzzParseOperands(f *testing.F) {
	for _, table := range builtinTables {
		for _, d := range table {
			f.Add(d.ops)
		}
	}
	f.Add("A = <fixed 0.01..99.99> / *X(B = 1 / <integer 1..2> !) !")
	f.Fuzz(func(t *testing.T, src string) {
		ops, err := ParseOperands(src)
		if err == nil {
			for _, op := range ops {
				_ = op.Synopsis()
			}
		}
	})
}
