package world

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// TestMarshalStateAgainstEncoder: world.json's writer writes what
// json.MarshalIndent writes, for states with every field set at random
// (strings the encoder escapes: HTML characters, control characters,
// U+2028, invalid UTF-8; times with nanoseconds and zones), and fails as
// it does on a time outside years 0..9999. A field added to State fails
// here until the writer writes it.
func TestMarshalStateAgainstEncoder(t *testing.T) {
	if n := reflect.TypeFor[State]().NumField(); n != 7 {
		t.Fatalf("State has %d fields; marshalState writes 7", n)
	}
	strs := []string{"", "site.yaml", "dir/<a>&b.yaml", "tab\there", "nl\nx", "\x00\x1f\x7f", "\u2028\u2029", "ü€😀", "bad\xff\xfeutf8", `q"b\s`,
		"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}
	zones := []*time.Location{time.UTC, time.FixedZone("X", 3600+1800), time.FixedZone("Y", -7*3600)}
	rng := rand.New(rand.NewPCG(5, 6))
	randStr := func() string {
		if rng.IntN(3) == 0 {
			b := make([]byte, rng.IntN(12))
			for i := range b {
				b[i] = byte(rng.IntN(256))
			}
			return string(b)
		}
		return strs[rng.IntN(len(strs))]
	}
	for i := range 20000 {
		st := State{Version: rng.IntN(5) - 1, Installation: randStr(), InstallationSHA256: randStr(),
			VirtualTime: time.Unix(rng.Int64N(1<<36)-1<<30, rng.Int64N(1e9)*int64(rng.IntN(2))).In(zones[rng.IntN(len(zones))]),
			NextTSN:     rng.IntN(20000) - 100, VM2000SHA256: randStr(), Runs: rng.IntN(1 << 30)}
		if i == 0 {
			st = State{}
		}
		got, err := marshalState(st)
		want, werr := json.MarshalIndent(st, "", "  ")
		if err != nil || werr != nil || !bytes.Equal(got, want) {
			t.Fatalf("%+v: marshalState wrote\n%s (%v)\nthe encoder\n%s (%v)", st, got, err, want, werr)
		}
	}
	st := State{VirtualTime: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}
	_, err := marshalState(st)
	_, werr := json.MarshalIndent(st, "", "  ")
	if err == nil || werr == nil || err.Error() != werr.Error() {
		t.Fatalf("year 10000: marshalState says %v, the encoder %v", err, werr)
	}
}
