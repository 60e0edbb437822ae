package interp

import (
	"context"
	"math/rand"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"sdfp/builtins"
)

// Issue 11: elements put in front of a list (WRITE-MODE=*PREFIX) go into
// room kept in front of them; mixed with elements added at the end and
// freed anywhere, the list holds what a plain slice would.
func TestListPrefixKeepsOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var src strings.Builder
	src.WriteString("/DECL-VAR L,MULT-ELEM=*LIST\n")
	var want []int
	for i := 0; i < 3000; i++ {
		switch op := rng.Intn(10); {
		case op < 5:
			src.WriteString("/L = " + strconv.Itoa(i) + ",WRITE-MODE=*PREFIX\n")
			want = slices.Insert(want, 0, i)
		case op < 8:
			src.WriteString("/L = " + strconv.Itoa(i) + ",WRITE-MODE=*EXTEND\n")
			want = append(want, i)
		case len(want) > 0:
			k := rng.Intn(len(want))
			src.WriteString("/FREE-VARIABLE L#" + strconv.Itoa(k+1) + "\n")
			want = slices.Delete(want, k, k+1)
		}
	}
	src.WriteString("/SHOW-VARIABLE L\n")
	out, res := run(t, src.String())
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var b strings.Builder
	for _, v := range want {
		b.WriteString("L(*LIST) = " + strconv.Itoa(v) + "\n")
	}
	if out != b.String() {
		t.Errorf("list differs from the reference: got %d lines, want %d", strings.Count(out, "\n"), len(want))
	}
}

// Issue 11: prefixing copied the whole list at every element, so 20,000
// elements allocated 1.6 GB; now the allocations grow with the list, not
// with its square.
func TestListPrefixAllocatesLinearly(t *testing.T) {
	src := "/DECL-VAR L,MULT-ELEM=*LIST\n/FOR K = *COUNTER(FROM=1,TO=20000); L = K,WRITE-MODE=*PREFIX; END-FOR\n"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if res := New().RunSource(context.Background(), "prefix.proc", src, nil); res.Err != nil {
		t.Fatal(res.Err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("20,000 prefixed elements allocated %d MB", alloc>>20)
	}
}

// BenchmarkListPrefix puts 1,000 and 100,000 elements in front of a list
// one by one; the cost per element stays flat (it was linear in the
// list's length: 45 s for 100,000).
func BenchmarkListPrefix(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := "/DECL-VAR L,MULT-ELEM=*LIST\n/FOR K = *COUNTER(FROM=1,TO=" + strconv.Itoa(n) + "); L = K,WRITE-MODE=*PREFIX; END-FOR\n"
			for i := 0; i < b.N; i++ {
				if res := New().RunSource(context.Background(), "prefix.proc", src, nil); res.Err != nil {
					b.Fatal(res.Err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/element")
		})
	}
}

// A simple node holding an integer stored without a box (node.setInt)
// reads, copies, counts and clears as one holding the boxed integer.
func TestUnboxedIntegerNode(t *testing.T) {
	n := newNode(&template{kind: simpleNode, typ: builtins.TypeInteger})
	if n.hasValue() || n.value() != nil {
		t.Fatalf("a new node has value %v", n.value())
	}
	n.setInt(100000)
	c := n.clone()
	if x, ok := n.intValue(); !ok || x != 100000 || n.value() != any(100000) || !n.hasValue() || n.bytes() != 0 {
		t.Errorf("setInt(100000): intValue %d %v, value %v, bytes %d", x, ok, n.value(), n.bytes())
	}
	n.setInt(7) // after value() cached the box of 100000
	if n.value() != any(7) {
		t.Errorf("value after a second setInt: %v", n.value())
	}
	if x, ok := c.intValue(); !ok || x != 100000 || c.value() != any(100000) {
		t.Errorf("the copy holds %v", c.value())
	}
	n.set("ABC")
	if _, ok := n.intValue(); ok || n.value() != "ABC" || n.bytes() != 3 {
		t.Errorf("set after setInt: %v, bytes %d", n.value(), n.bytes())
	}
	n.setInt(1)
	n.set(nil)
	if n.hasValue() || n.value() != nil {
		t.Errorf("set(nil) after setInt leaves %v", n.value())
	}
}

// Every variable and element is a node: with the unboxed integer (num,
// isNum) it must stay within Go's 112-byte size class, as before it, or
// each costs 16 bytes more heap than the variable limit counts
// (BenchmarkVariableBytes).
func TestNodeSize(t *testing.T) {
	if n := unsafe.Sizeof(node{}); n > 112 {
		t.Errorf("a node takes %d bytes, more than 112", n)
	}
}
