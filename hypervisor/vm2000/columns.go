package vm2000

import "strings"

// SYSOUT tables of the SHOW commands: fixed columns, one blank between
// them, every line prefixed "% " like the seed's SHOW-VM-DEFINITION
// output. Procedures should read STRUCTURE-OUTPUT instead: SYSOUT
// layouts may change between versions, S-variable names may not (V,
// BS2000 commands manual, spec 10.5).

// column is one column of a SHOW table.
type column struct {
	title string
	width int
	right bool // right-aligned (numbers)
	// above is a second title printed on a line of its own above the
	// title: CPU-POOL(P) above VM-GROUP(G), for a column that shows a
	// VM's group, or its pool when it has none (V:HOLD example, S seed 000).
	above string
}

// row renders one line of a table.
func row(cols []column, values ...string) string {
	var b strings.Builder
	b.WriteString("%")
	for i, col := range cols {
		v := ""
		if i < len(values) {
			v = values[i]
		}
		pad := col.width - len(v)
		if pad < 0 {
			pad = 0
		}
		b.WriteByte(' ')
		if col.right {
			b.WriteString(strings.Repeat(" ", pad))
			b.WriteString(v)
		} else {
			b.WriteString(v)
			b.WriteString(strings.Repeat(" ", pad))
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// header renders the title line of a table; a number column's title
// stands right-aligned over its numbers.
func header(cols []column) string {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	plain := make([]column, len(cols))
	for i, c := range cols {
		plain[i] = column{width: c.width, right: c.right}
	}
	return row(plain, titles...)
}

// headers renders the title lines of a table: a line of the columns'
// upper titles when any has one, then the title line.
func headers(cols []column) []string {
	upper := make([]string, len(cols))
	has := false
	for i, c := range cols {
		upper[i], has = c.above, has || c.above != ""
	}
	if !has {
		return []string{header(cols)}
	}
	plain := make([]column, len(cols))
	for i, c := range cols {
		plain[i] = column{width: c.width}
	}
	return []string{row(plain, upper...), header(cols)}
}

// groupColumn shows a VM's VM group, or its CPU pool when it belongs to
// no group, under the two titles VM2000 prints for it.
var groupColumn = column{title: "VM-GROUP(G)", above: "CPU-POOL(P)", width: 11}

// vmIDColumn is the VM-ID column: the index right-aligned in two places,
// a blank, the name (V: SHOW-VM-ASSIGNMENT-SET example, spec 10.1).
var vmIDColumn = column{title: "VM-ID", width: 11}

func vmID(index int, name string) string {
	idx := "-"
	if index > 0 {
		idx = itoa(index)
	}
	return strings.Repeat(" ", 2-min(2, len(idx))) + idx + " " + name
}

func yesNo(b bool) string {
	if b {
		return "YES"
	}
	return "NO"
}

// sizeOrUndef renders an optional size for S variables and SYSOUT.
func sizeOrUndef(mb int) string {
	if mb <= 0 {
		return "*UNDEF"
	}
	return itoa(mb)
}

// poolColumn is what the VM-GROUP(G)/CPU-POOL(P) column shows.
func poolColumn(group, pool string) string {
	if group != "" {
		return group + "(G)"
	}
	return pool + "(P)"
}
