package lazyre

import (
	"sync"
	"testing"
)

func TestCompiledOnFirstUse(t *testing.T) {
	r := New(`^V?([0-9]{1,2})\.([0-9])$`)
	if !r.MatchString("V2.5") || r.MatchString("2.55") {
		t.Fatal("MatchString differs from regexp")
	}
	if m := r.FindStringSubmatch("12.3"); len(m) != 3 || m[1] != "12" || m[2] != "3" {
		t.Fatalf("FindStringSubmatch: %q", m)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); r.MatchString("1.2") }()
	}
	wg.Wait()
}

func TestBadPatternPanicsOnlyWhenUsed(t *testing.T) {
	r := New(`(`) // declaring it does not compile it
	defer func() {
		if recover() == nil {
			t.Fatal("an invalid pattern did not panic on use")
		}
	}()
	r.MatchString("x")
}
