package vm2000

import (
	"reflect"
	"strings"
	"sync"
)

// installKeys are the keys each mapping of an installation file may
// have, by its path of keys as valueChecker walks it ("server-units.vms";
// a sequence's items share its path), read from the yaml tags of
// Installation. The decoder stops at the first unknown key; the checker
// reports every one before it runs. A path of no struct (a map's) has no
// entry, and its keys are not checked.
var installKeys = sync.OnceValue(func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	addInstallKeys(m, "", reflect.TypeFor[Installation]())
	return m
})

func addInstallKeys(m map[string]map[string]bool, path string, t reflect.Type) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	if _, seen := m[path]; seen {
		return
	}
	keys := map[string]bool{}
	m[path] = keys
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name) // the decoder's name for an untagged field
		}
		keys[name] = true
		p := name
		if path != "" {
			p = path + "." + name
		}
		addInstallKeys(m, p, f.Type)
	}
}
