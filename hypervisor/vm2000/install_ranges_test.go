package vm2000

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// Every numeric field of the installation types has its range in
// installRanges, of the right kind, and every range names such a field:
// a field added without a range fails here.
func TestRangesCoverFields(t *testing.T) {
	seen := map[string]bool{}
	var walk func(reflect.Type, string)
	walk = func(typ reflect.Type, path string) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ == reflect.TypeOf(time.Duration(0)) {
			seen[path] = true
			if r, ok := installRanges()[path]; !ok || r.kind != duration {
				t.Errorf("%s: a duration without a duration range", path)
			}
			return
		}
		switch typ.Kind() {
		case reflect.Int, reflect.Float64:
			seen[path] = true
			want := wholeNumber
			if typ.Kind() == reflect.Float64 {
				want = decimal
			}
			if r, ok := installRanges()[path]; !ok || r.kind != want {
				t.Errorf("%s: a %s without a range of its kind", path, typ)
			}
		case reflect.Struct:
			for i := 0; i < typ.NumField(); i++ {
				f := typ.Field(i)
				key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if !f.IsExported() || key == "-" || key == "" {
					continue
				}
				if path != "" {
					key = path + "." + key
				}
				walk(f.Type, key)
			}
		}
	}
	walk(reflect.TypeOf(Installation{}), "")
	for path, r := range installRanges() {
		if !seen[path] {
			t.Errorf("installRanges: %s is no numeric field", path)
		}
		if r.source == "" || !(r.min <= r.max) {
			t.Errorf("installRanges: %s needs a source and min <= max", path)
		}
	}
}
