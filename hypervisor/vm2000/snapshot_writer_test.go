package vm2000

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
)

// The reference for MarshalInstallation: the writer it replaced, which
// built yaml's MapSlice and []any first and wrote them then.

func refMarshalInstallation(inst *Installation) []byte {
	var b bytes.Buffer
	refWriteYAML(&b, refYAMLValue(reflect.ValueOf(inst)), 0)
	return b.Bytes()
}

// refWriteYAML writes a mapping's or a sequence's entries at an indentation.
func refWriteYAML(b *bytes.Buffer, v any, indent int) {
	pad := strings.Repeat("  ", indent)
	switch v := v.(type) {
	case yaml.MapSlice:
		for _, it := range v {
			b.WriteString(pad)
			b.WriteString(yamlScalar(it.Key))
			b.WriteByte(':')
			refWriteNested(b, it.Value, indent+1)
		}
	case []any:
		for _, e := range v {
			b.WriteString(pad)
			b.WriteString("-")
			if m, ok := e.(yaml.MapSlice); ok && len(m) > 0 {
				// the first key on the dash's line, the rest under it
				var first bytes.Buffer
				refWriteYAML(&first, m[:1], indent+1)
				b.WriteByte(' ')
				b.Write(bytes.TrimLeft(first.Bytes(), " "))
				refWriteYAML(b, m[1:], indent+1)
				continue
			}
			refWriteNested(b, e, indent+1)
		}
	}
}

// refWriteNested writes what follows a key's colon or a sequence's dash.
func refWriteNested(b *bytes.Buffer, v any, indent int) {
	switch v := v.(type) {
	case yaml.MapSlice:
		if len(v) == 0 {
			b.WriteString(" {}\n")
			return
		}
		b.WriteByte('\n')
		refWriteYAML(b, v, indent)
	case []any:
		if len(v) == 0 {
			b.WriteString(" []\n")
			return
		}
		b.WriteByte('\n')
		refWriteYAML(b, v, indent)
	default:
		b.WriteByte(' ')
		b.WriteString(yamlScalar(v))
		b.WriteByte('\n')
	}
}

// refYAMLValue turns a value of the installation types into what yaml
// writes: structs as ordered mappings of their tagged, non-zero fields.
func refYAMLValue(v reflect.Value) any {
	switch {
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return refYAMLValue(v.Elem())
	case v.Type() == durationType:
		return time.Duration(v.Int()).String()
	case v.Kind() == reflect.Struct:
		var out yaml.MapSlice
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			if !f.IsExported() || tag == "" || tag == "-" || v.Field(i).IsZero() {
				continue
			}
			out = append(out, yaml.MapItem{Key: tag, Value: refYAMLValue(v.Field(i))})
		}
		return out
	case v.Kind() == reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = refYAMLValue(v.Index(i))
		}
		return out
	case v.Kind() == reflect.Map:
		var out yaml.MapSlice
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
		for _, k := range keys {
			out = append(out, yaml.MapItem{Key: k.String(), Value: refYAMLValue(v.MapIndex(k))})
		}
		return out
	}
	return v.Interface()
}

// TestMarshalInstallationAgainstReference: the one-pass writer writes
// what the reference writes, for the embedded installation and every one
// the project ships, as loaded and after commands changed their models,
// and for installations filled with random values (strings YAML would
// read as something else, empty and nil lists, maps and structures).
func TestMarshalInstallationAgainstReference(t *testing.T) {
	same := func(t *testing.T, what string, inst *Installation) {
		t.Helper()
		got, _ := MarshalInstallation(inst)
		if want := refMarshalInstallation(inst); !bytes.Equal(got, want) {
			t.Fatalf("%s: one pass wrote\n%s\nthe reference\n%s", what, got, want)
		}
	}
	files, _ := filepath.Glob("../../procs/*.yaml")
	for _, f := range append([]string{""}, files...) {
		inst := DefaultInstallation()
		if f != "" {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if inst, err = LoadInstallation(f, data); err != nil {
				t.Fatal(err)
			}
		}
		same(t, f+" as loaded", inst)
		r := newRigFrom(t, inst)
		same(t, f+" snapshot", r.m.Snapshot())
	}
	same(t, "nil", nil)
	same(t, "zero", &Installation{})
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var inst Installation
		fillRandom(rng, reflect.ValueOf(&inst).Elem(), 0)
		same(t, fmt.Sprintf("random installation %d", i), &inst)
	}
}

// trickyStrings are strings YAML reads as something else unless quoted.
var trickyStrings = []string{"", "a", "VM01", "yes", "No", "null", "~", "1e3", "0x1F", " lead", "trail ", "a: b", "# c", "-", "- x",
	"'q'", `"d"`, "tab\there", "line\nbreak", "ümlaut", "$TSOS.SYSLNK", "@x", "x@y", "inf", "NaN", "{}", "[]"}

// fillRandom sets the exported parts of v to random values, leaving some
// zero, nil or empty.
func fillRandom(rng *rand.Rand, v reflect.Value, depth int) {
	if depth > 6 || rng.IntN(5) == 0 {
		return // the zero value
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fillRandom(rng, p.Elem(), depth+1)
		v.Set(p)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Unix(rng.Int64N(1<<32), 0).UTC()))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillRandom(rng, v.Field(i), depth+1)
			}
		}
	case reflect.Slice:
		n := rng.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fillRandom(rng, s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range rng.IntN(4) {
			k := reflect.New(v.Type().Key()).Elem()
			fillRandom(rng, k, depth+1)
			e := reflect.New(v.Type().Elem()).Elem()
			fillRandom(rng, e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.String:
		v.SetString(trickyStrings[rng.IntN(len(trickyStrings))])
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(rng.Int64N(1<<20) - 1<<10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(rng.Uint64N(1 << 20))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(rng.Float64() * 1000)
	}
}

// TestYAMLWordAgainstToLower holds yamlWord to the test it replaces,
// strings.ToLower(v) among YAML's words, and its length bound to the
// runes that lower to ASCII letters.
func TestYAMLWordAgainstToLower(t *testing.T) {
	ref := func(v string) bool { return isYAMLWord(strings.ToLower(v)) }
	for r := rune(0x80); r <= 0x10FFFF; r++ {
		if l := strings.ToLower(string(r)); len(l) == 1 && l[0] < 0x80 && r != 0x130 && r != 0x212A {
			t.Fatalf("%U lowers to %q: yamlWord's length bound does not know it", r, l)
		}
	}
	words := []string{"true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"}
	var cases []string
	for _, w := range words {
		cases = append(cases, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+" ", " "+w, w+"x", strings.ReplaceAll(w, "i", "İ"), strings.ReplaceAll(w, "n", "N"))
	}
	cases = append(cases, "", "ınf", "İNF", "K", "\u212A", "falſe", "VM01", "ABGSE501", "Ünf", "nü")
	for _, v := range cases {
		if got, want := yamlWord(v), ref(v); got != want {
			t.Errorf("yamlWord(%q) = %v, strings.ToLower says %v", v, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("aefilnorstuyAEFILNORSTUY İıK\u212Aſü")
	for range 200000 {
		r := make([]rune, rng.IntN(7))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if v := string(r); yamlWord(v) != ref(v) {
			t.Fatalf("yamlWord(%q) = %v, strings.ToLower says %v", v, yamlWord(v), ref(v))
		}
	}
}
