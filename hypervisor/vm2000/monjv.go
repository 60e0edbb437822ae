package vm2000

import (
	"errors"
	"strings"

	"sdfp/hypervisor/bs2000/jv"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// MONJV layouts as data: the system part (bytes 1-128) of a monitoring
// job variable, field by field. The user part (129-256) is never
// touched. A corrected layout is a change to these tables only.

// align says how a value fills its field.
type align int

const (
	alignLeft  align = iota // left-justified, blank-padded
	alignRight              // right-justified, blank-padded
	alignZero               // right-justified, zero-padded
)

// jvField is one field of a MONJV's system part.
type jvField struct {
	name     string // value key; "" for reserved bytes
	pos, len int    // 1-based position and length
	align    align
	constant string // fixed content (type byte, reserved zero)
	source   string
}

// jvLayout is the system part of a kind of MONJV.
type jvLayout struct {
	name   string
	fields []jvField
}

// systemPartLength is the length of a MONJV's system part. V10:150, S seed 003
const systemPartLength = 128

// monjvHeader are bytes 1-81, common to the VM MONJV (verified) and, by
// the manual's cross-references, the MONJVs of migration and memory
// reconfiguration.
var monjvHeader = []jvField{
	{name: "status", pos: 1, len: 3, source: "V10:150; S seeds 000/003: two-character values followed by a blank"},
	{pos: 4, len: 1, constant: "0", source: "V10:150, S seed 003"},
	{pos: 5, len: 4, source: "V10:150 TSN field, blanks"},
	{name: "catid", pos: 9, len: 4, source: "V10:150, S seed 003 catalog ID of the monitor's home pubset"},
	{pos: 13, len: 4, source: "V10:150 reserved"},
	{pos: 17, len: 1, constant: "V", source: "V10:150 type V (VM2000); I: the same for migration and reconfiguration (seed 003 cut)"},
	{name: "session", pos: 18, len: 3, align: alignZero, source: "V10:150 session number; I: zero-padded"},
	{name: "start", pos: 21, len: 16, source: "V10:150 start of monitoring, UTC yyyy-mm-ddhhmmss"},
	{pos: 37, len: 34, source: "V10:150 reserved"},
	{name: "vm-name", pos: 71, len: 8, source: "V10:150, S seed 003"},
	{name: "vm-index", pos: 79, len: 3, align: alignZero, source: "V10:150, S seed 003; I: zero-padded"},
}

// vmMonitorLayout: CREATE-VM MONJV=. V10:150-151
var vmMonitorLayout = jvLayout{name: "VM", fields: append(append([]jvField(nil), monjvHeader...),
	jvField{name: "guest-state", pos: 82, len: 5, source: "V10:151 NONE/START/READY/RSTRT/NTERM/ATERM"},
	jvField{pos: 87, len: 42, source: "V10:151 reserved"},
)}

// migrationLayout: MIGRATE-VM MONJV=. Bytes 82.. are sdfp's (I): the
// manual page (MJVM) is cut after bytes 1-3.
var migrationLayout = jvLayout{name: "MIGRATION", fields: append(append([]jvField(nil), monjvHeader...),
	jvField{name: "source-su", pos: 82, len: 8, source: "I"},
	jvField{name: "target-su", pos: 90, len: 8, source: "I"},
	jvField{name: "reason", pos: 98, len: 7, source: "I message key of an abort or rejection"},
	jvField{pos: 105, len: 24, source: "I reserved"},
)}

// reconfigurationLayout: EXTEND-/REDUCE-VM-MEMORY MONJV=. S seed 003.
// The seed does not say which size bytes 82-126 carry at which moment;
// sdfp writes the current sizes at every status change (I).
var reconfigurationLayout = jvLayout{name: "RECONFIGURATION", fields: append(append([]jvField(nil), monjvHeader...),
	jvField{name: "size5", pos: 82, len: 5, align: alignRight, source: "S seed 003 memory size in MB"},
	jvField{name: "min5", pos: 87, len: 5, align: alignRight, source: "S seed 003 minimum size in MB"},
	jvField{name: "used5", pos: 92, len: 5, align: alignRight, source: "S seed 003 size used by the guest in MB"},
	jvField{name: "size", pos: 97, len: 10, align: alignRight, source: "S seed 003 memory size in MB"},
	jvField{name: "min", pos: 107, len: 10, align: alignRight, source: "S seed 003 minimum size in MB"},
	jvField{name: "used", pos: 117, len: 10, align: alignRight, source: "S seed 003 size used by the guest in MB"},
	jvField{pos: 127, len: 2, source: "S seed 003 reserved"},
)}

// render builds the system part from values; a value too long for its
// field is cut (numbers too wide for a 5-byte field show as asterisks).
func (l jvLayout) render(values map[string]string) string {
	b := []byte(strings.Repeat(" ", systemPartLength))
	for _, f := range l.fields {
		v := f.constant
		if f.name != "" {
			v = values[f.name]
		}
		if len(v) > f.len {
			if f.align == alignLeft {
				v = v[:f.len]
			} else {
				v = strings.Repeat("*", f.len)
			}
		}
		pad := f.len - len(v)
		switch f.align {
		case alignRight:
			v = strings.Repeat(" ", pad) + v
		case alignZero:
			v = strings.Repeat("0", pad) + v
		default:
			v += strings.Repeat(" ", pad)
		}
		copy(b[f.pos-1:f.pos-1+f.len], v)
	}
	return string(b)
}

// monitorJV is a MONJV while its monitoring runs.
type monitorJV struct {
	name   string
	layout jvLayout
	values map[string]string
}

// startMonitorJV makes the JV named in the call's MONJV operand a MONJV
// of what, or returns nil when none is named. The result is the command's
// refusal when the JV cannot be monitored.
func (m *Model) startMonitorJV(c *call, what string, layout jvLayout, vm *VM) (*monitorJV, *handler.Result) {
	var name string
	var pw ast.Password
	c.args.Unpack("MONJV", &name, "JV-PASSWORD", &pw)
	if name == "" || strings.HasPrefix(name, "*") || m.jvs == nil {
		return nil, nil
	}
	if vm.isMonitor() {
		// V:RESTR: the monitor VM cannot be monitored with MONJVs
		r := m.refuse(c, monitorVM, "/"+c.req.Name+" MONJV")
		return nil, &r
	}
	normal, err := m.jvs.StartMonitor(name, what, string(pw))
	if err != nil {
		var je *jv.Error
		key, inserts := jv.KeyStoreError, []string{name, "?", strings.ToUpper(err.Error())}
		if errors.As(err, &je) {
			key, inserts = je.Key, je.Inserts
		}
		r := handler.Fail(64, line(key, inserts...))
		return nil, &r
	}
	return m.newMonitorJV(normal, layout, vm), nil
}

func (m *Model) newMonitorJV(name string, layout jvLayout, vm *VM) *monitorJV {
	return &monitorJV{name: name, layout: layout, values: map[string]string{
		"catid":    vm.su.homePubset,
		"session":  itoa(vm.su.session),
		"start":    m.clk.Now().UTC().Format("2006-01-02150405"),
		"vm-name":  vm.name,
		"vm-index": itoa(vm.index),
	}}
}

// write sets the status (and any other values) and writes the system
// part. Write errors cannot be reported to anyone asynchronously; the
// store keeps the previous value then.
func (m *Model) writeMonitorJV(j *monitorJV, status string, values map[string]string) {
	if j == nil || m.jvs == nil {
		return
	}
	j.values["status"] = status
	for k, v := range values {
		j.values[k] = v
	}
	_ = m.jvs.SystemWrite(j.name, 1, j.layout.render(j.values))
}

// endMonitorJV ends monitoring; the JV stays as a user JV.
func (m *Model) endMonitorJV(j *monitorJV) {
	if j == nil || m.jvs == nil {
		return
	}
	_ = m.jvs.EndMonitor(j.name)
}
