package golden

import (
	"fmt"
	"strings"
	"testing"
)

func TestFilter(t *testing.T) {
	names := []string{"waitevent", "jobenv/wait-jv", "jobenv/switches", "vm2000/migrate", "vm2000/x86/migrate"}
	for _, tc := range []struct{ run, skip, want string }{
		{"", "", "waitevent jobenv/wait-jv jobenv/switches vm2000/migrate vm2000/x86/migrate"},
		{"wait", "", "waitevent"},                        // the first element only
		{"jobenv", "", "jobenv/wait-jv jobenv/switches"}, // a directory
		{"/migrate", "", "vm2000/migrate"},               // the second element
		{"//migrate", "", "vm2000/x86/migrate"},          // the third
		{"^jobenv$/^s", "", "jobenv/switches"},
		{"waitevent|vm2000/^m", "", "waitevent vm2000/migrate"},
		{"jobenv/[a-z/]*-jv", "", "jobenv/wait-jv"}, // a / inside brackets is no separator
		{"(jobenv|vm2000)/mig", "", "vm2000/migrate"},
		{"", "jobenv", "waitevent vm2000/migrate vm2000/x86/migrate"},
		{"", "/migrate", "waitevent jobenv/wait-jv jobenv/switches vm2000/x86/migrate"},
		{"", "vm2000/x86/migrate/deeper", "waitevent jobenv/wait-jv jobenv/switches vm2000/migrate vm2000/x86/migrate"},
		{"vm2000/x86/migrate/deeper", "", ""},
	} {
		f, err := NewFilter(tc.run, tc.skip)
		if err != nil {
			t.Fatalf("%q %q: %v", tc.run, tc.skip, err)
		}
		var got []string
		for _, n := range names {
			if f.Match(n) {
				got = append(got, n)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("-run %q -skip %q: %q, want %q", tc.run, tc.skip, got, tc.want)
		}
	}
	if _, err := NewFilter("a/(", ""); err == nil {
		t.Errorf("bad pattern accepted")
	}
}

func TestShard(t *testing.T) {
	var cases []*Case
	for i := 9; i >= 0; i-- { // not in name order
		cases = append(cases, &Case{Name: fmt.Sprintf("c%d", i), Path: fmt.Sprintf("p%d", i)})
	}
	seen := map[string]int{}
	for i := 1; i <= 3; i++ {
		var got []string
		for _, c := range (Shard{Index: i, Count: 3}).Of(cases) {
			got = append(got, c.Name)
			seen[c.Name]++
		}
		// Dealt out by name, kept in the given order.
		want := map[int]string{1: "c9 c6 c3 c0", 2: "c7 c4 c1", 3: "c8 c5 c2"}[i]
		if strings.Join(got, " ") != want {
			t.Errorf("shard %d/3: %q, want %q", i, got, want)
		}
	}
	if len(seen) != 10 {
		t.Errorf("shards cover %d of 10 cases", len(seen))
	}
	for _, tc := range []struct {
		in   string
		want Shard
		ok   bool
	}{{"1/1", Shard{1, 1}, true}, {"2/4", Shard{2, 4}, true}, {"0/4", Shard{}, false}, {"5/4", Shard{}, false},
		{"1/0", Shard{}, false}, {"1", Shard{}, false}, {"a/b", Shard{}, false}} {
		got, err := ParseShard(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseShard(%q) = %v, %v", tc.in, got, err)
		}
	}
}
