package interp

import (
	"reflect"
	"testing"
)

// mapID reads a map value's pointer itself: it must give what reflect
// gives, the same for a map and its copies, and tell two maps apart.
func TestMapID(t *testing.T) {
	a, b := map[string]*node{"X": nil}, map[string]*node{"X": nil}
	c := a
	var none map[string]*node
	for _, m := range []map[string]*node{a, b, c, none, {}} {
		if got, want := mapID(m), reflect.ValueOf(m).UnsafePointer(); got != want {
			t.Errorf("mapID %p, reflect %p", got, want)
		}
	}
	if mapID(a) != mapID(c) || mapID(a) == mapID(b) {
		t.Errorf("identity: a %p, its copy %p, another map %p", mapID(a), mapID(c), mapID(b))
	}
}
