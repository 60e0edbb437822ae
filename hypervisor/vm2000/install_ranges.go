package vm2000

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml/ast"
)

// The numeric fields of an installation file and their ranges, checked
// on the YAML before it is decoded: the decoder truncates 1024.5 to 1024,
// takes .nan and 1e308 for a float and 2^63-1 for an int, and a number
// out of range leads to arithmetic that overflows (a VM laid out beyond
// the end of memory) or a migration that takes no time. Ranges the
// manuals document are tagged V, the others I; sources as in facts.go.

// numberKind is how a field's value is written.
type numberKind int

const (
	wholeNumber numberKind = iota // an int field: no fraction
	decimal                       // a float64 field
	duration                      // a time.Duration field, in Go notation
)

// fieldRange is the range of one numeric field.
type fieldRange struct {
	kind     numberKind
	min, max float64 // durations in nanoseconds
	unit     string  // shown after the range
	// zeroDefault: 0 stands for the default (or for "not given", which
	// the semantic checks report) and is accepted besides the range.
	zeroDefault bool
	source      string
}

// maxSUMemoryMB is the largest main memory of a server unit. V:MEMGEN
// ("VM2000 verwaltet Hauptspeicher bis zu einer Größe von 1 TByte")
const maxSUMemoryMB = 1048576

// maxTimingStep is the longest duration of one step of the timing model:
// longer ones are mistakes, and summing them must not overflow. I
const maxTimingStep = 24 * time.Hour

var (
	vmMemory   = fieldRange{wholeNumber, 1, maxMemoryMB, "MB", true, "V:CRVM MEMORY-SIZE = <integer 1..1048576> MB"}
	processors = fieldRange{wholeNumber, 1, 32, "", true, "V: PROCESSOR = <integer 1..32> (CREATE-VM; levels 1..32, ...-122)"}
	maxIO      = fieldRange{wholeNumber, 1, 100, "", true, "V:MODATT MAX-IO-UTILIZATION = <integer 1..100>"}
	vmIndex    = fieldRange{wholeNumber, 1, float64(limitFacts.scaleTestIndex), "", true,
		"V:INIT 1..99; the range against max-vm-index is a semantic check"}
	rate = fieldRange{wholeNumber, 1, maxMemoryMB, "MB/s", true, "I: up to a VM of 1 TB in a second"}
	step = fieldRange{duration, 0, float64(maxTimingStep), "", false, "I"}
)

// installRanges holds every numeric field by its path of YAML keys; a
// test walks the installation types so that no field lacks its range.
var installRanges = sync.OnceValue(func() map[string]fieldRange {
	return map[string]fieldRange{
		"limits.max-vm-index": {wholeNumber, 2, float64(limitFacts.scaleTestIndex), "", true,
			"V:INIT VM index 1..99, 1 is the monitor VM; I: above 99 for scale tests only"},
		"limits.max-running-guests": {wholeNumber, 1, float64(limitFacts.scaleTestIndex), "", true,
			"V: at most 32 guests on one SU; I: more for scale tests only"},

		"timing.guest-start":                step,
		"timing.migration.setup":            step,
		"timing.migration.suspend":          step,
		"timing.migration.transfer-rate":    rate,
		"timing.migration.dirty-factor":     {decimal, 0, 100, "", false, "I: a busy guest lengthens a transfer at most a hundredfold"},
		"timing.reconfiguration.base":       step,
		"timing.reconfiguration.rate":       rate,
		"timing.reconfiguration.guest-rate": rate,
		"timing.reconfiguration.x86-step":   {wholeNumber, 2, maxMemoryMB, "MB", true, "V:MEMX86 multiples of 2 MB; I: at most one VM's memory"},

		"server-units.memory":     {wholeNumber, 1, maxSUMemoryMB, "MB", true, "V:MEMGEN VM2000 manages up to 1 TB"},
		"server-units.hypervisor": {wholeNumber, 4, 255, "MB", true, "V:MEM390 HYPERVISOR-SIZE = *BY-SYSTEM / <integer 4..255>; 0: none"},
		"server-units.session":    {wholeNumber, 1, 999, "", true, "I: three digits in a MONJV (V10:150)"},

		"server-units.monitor.memory":     vmMemory,
		"server-units.monitor.min-memory": vmMemory,
		"server-units.monitor.max-memory": vmMemory,
		"server-units.monitor.processors": processors,
		// what MODIFY-VM-ATTRIBUTES VM-ID=1 changes, as for a guest VM
		"server-units.monitor.cpu-quota":           {decimal, 0.01, 99.99, "", true, "V:MODATT CPU-QUOTA = <fixed 0.01..99.99>"},
		"server-units.monitor.max-io":              maxIO,
		"server-units.monitor.max-cpu-utilization": {decimal, 0.01, 100, "", true, "V:MODATT MAX-CPU-UTILIZATION = <fixed 0.01..100.00>"},

		"server-units.vm-groups.cpu-quota":           {decimal, 0.01, 99.99, "", true, "V: CREATE-VM-GROUP CPU-QUOTA = <fixed 0.01..99.99> (...-214)"},
		"server-units.vm-groups.max-cpu-utilization": {decimal, 0.01, 100, "", true, "V: CREATE-VM-GROUP MAX-CPU-UTILIZATION = <fixed 0.01..100.00> (...-214)"},

		"server-units.vms.index":      vmIndex,
		"server-units.vms.memory":     vmMemory,
		"server-units.vms.min-memory": vmMemory,
		"server-units.vms.max-memory": vmMemory,
		"server-units.vms.location": {wholeNumber, 0, maxSUMemoryMB, "MB", false,
			"V:MOVE a location is a multiple of 1 MB; I: inside the SU's memory of at most 1 TB"},
		"server-units.vms.processors":          processors,
		"server-units.vms.cpu-quota":           {decimal, 0.01, 99.99, "", true, "V:MODATT CPU-QUOTA = <fixed 0.01..99.99>"},
		"server-units.vms.max-io":              maxIO,
		"server-units.vms.max-cpu-utilization": {decimal, 0.01, 100, "", true, "V:MODATT MAX-CPU-UTILIZATION = <fixed 0.01..100.00>"},
		"server-units.vms.load":                {decimal, 0, 1, "", false, "I: a share of the pages"},

		"server-units.definitions.index":      vmIndex,
		"server-units.definitions.memory":     vmMemory,
		"server-units.definitions.min-memory": vmMemory,
		"server-units.definitions.max-memory": vmMemory,
		"server-units.definitions.processors": processors,
		"server-units.definitions.max-io":     maxIO,

		"faults.memory-short.free": {wholeNumber, 0, maxSUMemoryMB, "MB", false, "I: at most the SU's memory"},
		"faults.extend-stops.at":   vmMemory,

		"commands.sc1": {wholeNumber, 0, 255, "", false, "I: one byte; V (SDF-P, command return codes): classes up to 130"},
		"commands.sc2": {wholeNumber, 0, 255, "", false, "I: one byte"},
	}
})

// valueChecker walks the YAML of an installation before it is decoded.
type valueChecker struct {
	file string
	errs InstallErrors
}

// checkValues checks every number against installRanges and refuses
// anchors, aliases and merge keys: the decoder resolves an alias only
// in the mapping where its anchor stands, and wherever it resolves one
// it decodes it anew, so a few nested aliases would multiply a small
// file into a huge one.
func checkValues(file string, root ast.Node) InstallErrors {
	c := &valueChecker{file: file}
	c.walk(root, "")
	return c.errs
}

func (c *valueChecker) errorf(n ast.Node, format string, args ...any) {
	p := positionOf(n)
	c.errs = append(c.errs, &InstallError{File: c.file, Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...)})
}

// walk visits a node at a path of keys ("server-units.vms.memory"; a
// sequence's items share its path). Its depth is the file's nesting,
// which checkShape has bounded.
func (c *valueChecker) walk(n ast.Node, path string) {
	switch n := n.(type) {
	case nil:
	case *ast.DocumentNode:
		c.walk(n.Body, path)
	case *ast.MappingNode:
		known, checked := installKeys()[path]
		for _, kv := range n.Values {
			if key := keyName(kv.Key); checked && !known[key] && !kv.Key.IsMergeKey() {
				c.errorf(kv.Key, "unknown field %q", key) // as the decoder says it
			}
			c.walk(kv, path) // its value's anchors and aliases too
		}
	case *ast.MappingValueNode:
		if n.Key.IsMergeKey() {
			c.errorf(n.Key, "merge keys (<<) are not supported in installation files")
			return
		}
		key := keyName(n.Key)
		if path != "" {
			key = path + "." + key
		}
		c.walk(n.Value, key)
	case *ast.SequenceNode:
		for _, v := range n.Values {
			c.walk(v, path)
		}
	case *ast.AnchorNode:
		c.errorf(n, "anchors (&%s) are not supported in installation files", n.Name.GetToken().Value)
	case *ast.AliasNode:
		c.errorf(n, "aliases (*%s) are not supported in installation files", n.Value.GetToken().Value)
	case *ast.TagNode:
		c.walk(n.Value, path)
	default:
		if r, ok := installRanges()[path]; ok {
			c.number(n, path[strings.LastIndexByte(path, '.')+1:], r)
		}
	}
}

// number checks the scalar n of field against its range; a value that
// is no number at all is refused too (null: the field's default).
func (c *valueChecker) number(n ast.Node, field string, r fieldRange) {
	text := n.GetToken().Value
	var v float64
	if r.kind == duration {
		s, ok := n.(*ast.StringNode)
		if !ok {
			return // "5" is not a duration, says the decoder
		}
		d, err := time.ParseDuration(s.Value)
		if err != nil {
			c.errorf(n, "%s %q is not a duration such as 2s or 300ms", field, s.Value)
			return
		}
		v = float64(d)
	} else {
		var ok bool
		if v, ok = numberOf(n); !ok {
			if _, null := n.(*ast.NullNode); !null {
				// here, not by the decoder, which stops at the first
				c.errorf(n, "%s %q is not a number", field, text)
			}
			return
		}
	}
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		c.errorf(n, "%s %s is not a finite number", field, text)
	case r.kind == wholeNumber && v != math.Trunc(v):
		c.errorf(n, "%s %s is not a whole number", field, text)
	case v == 0 && r.zeroDefault:
	case !(v >= r.min && v <= r.max):
		c.errorf(n, "%s %s is outside %s", field, text, r)
	}
}

// numberOf is the value of a scalar as the decoder takes it for a
// number field: besides numbers, it converts strings such as "1e7",
// "0x1p3", "NaN" or "Infinity" (with Go's strconv).
func numberOf(n ast.Node) (float64, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		switch x := n.Value.(type) {
		case int64:
			return float64(x), true
		case uint64:
			return float64(x), true
		}
	case *ast.FloatNode:
		return n.Value, true
	case *ast.InfinityNode:
		return n.Value, true
	case *ast.NanNode:
		return math.NaN(), true
	case *ast.StringNode:
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return float64(i), true
		}
		// An error of range still gives the value (±Inf), which the
		// caller refuses.
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil || errors.Is(err, strconv.ErrRange) {
			return f, true
		}
	}
	return 0, false
}

// String writes the range as the messages show it: "0.01..99.99",
// "1..1048576 MB", "0s..24h0m0s".
func (r fieldRange) String() string {
	f := func(v float64) string {
		switch r.kind {
		case duration:
			return time.Duration(v).String()
		case wholeNumber:
			return strconv.FormatFloat(v, 'f', 0, 64)
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := f(r.min) + ".." + f(r.max)
	if r.unit != "" {
		s += " " + r.unit
	}
	return s
}

// keyName is the text of a mapping key, without quotes.
func keyName(k ast.Node) string {
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		k = mk.Value
	}
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	if k == nil || k.GetToken() == nil {
		return ""
	}
	return k.GetToken().Value
}
