package explore

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
	"time"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/vm2000"
)

// WriteHTML writes the report as one self-contained page (no script, no
// style sheet or font from the network): the scenario x verdict grid, the
// error-path coverage, and the timeline of one scenario as inline SVG.
func WriteHTML(path string, r *Report, shown *Outcome) error {
	var b bytes.Buffer
	if err := RenderHTML(&b, r, shown); err != nil {
		return err
	}
	return dms.WriteHostFile(path, b.Bytes())
}

// RenderHTML writes the page.
func RenderHTML(w *bytes.Buffer, r *Report, shown *Outcome) error {
	type row struct {
		*Outcome
		Cells []string // one per verdict column: the verdict's class or ""
		Inv   string
	}
	var rows []row
	for _, o := range append([]*Outcome{r.Baseline}, r.Outcomes...) {
		rw := row{Outcome: o}
		for _, v := range verdictOrder {
			if o.Verdict == v {
				rw.Cells = append(rw.Cells, v)
			} else {
				rw.Cells = append(rw.Cells, "")
			}
		}
		var inv []string
		for _, v := range o.Violations {
			inv = append(inv, v.Invariant+": "+v.Detail)
		}
		rw.Inv = strings.Join(inv, "; ")
		rows = append(rows, rw)
	}
	var svg template.HTML
	title := ""
	if shown != nil && shown.timeline != nil {
		svg = template.HTML(TimelineSVG(shown.timeline)) // built from escaped text only
		title = shown.Scenario.ID + ": " + shown.Scenario.What()
	}
	data := map[string]any{
		"R": r, "Rows": rows, "Verdicts": verdictOrder, "SVG": svg, "Shown": title,
		"Counts": countsText(r),
	}
	return pageTemplate().Execute(w, data)
}

func countsText(r *Report) string {
	var parts []string
	for _, v := range verdictOrder {
		if n := r.Counts[v]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, v))
		}
	}
	return fmt.Sprintf("%d scenarios: %s; %d violating invariants", len(r.Outcomes), strings.Join(parts, ", "), r.Violated)
}

// The page templates are parsed on first use: parsed at start-up they
// cost every sdfp command 600 allocations (TestInitialisationIsCheap).
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>sdfp explore {{.R.Procedure}}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
th{background:#f3f3f3;text-align:left}td.v{text-align:center;width:5.5em}
.baseline{background:#cfe8cf}.coped{background:#e3efc0}.reported{background:#fbe3a8}
.unhandled{background:#f4b0a8}.limit{background:#d7b8e8}.viol{color:#a00}
li.reached{color:#185c18}li.untested{color:#a00}
code,pre{font:12px ui-monospace,monospace}svg text{font:11px ui-monospace,monospace}
</style></head><body>
<h1>sdfp explore <code>{{.R.Procedure}}</code></h1>
<p id="counts">{{.Counts}} (depth {{.R.Depth}}{{if .R.Shard}}, shard {{.R.Shard}}{{end}})</p>
<h2>Scenarios</h2>
<table id="grid"><tr><th>scenario</th><th>fault</th>{{range .Verdicts}}<th>{{.}}</th>{{end}}<th>MAINCODE</th><th>invariants</th><th>first difference</th></tr>
{{range .Rows}}<tr data-scenario="{{.Scenario.ID}}"><td><code>{{.Scenario.ID}}</code></td><td>{{.Scenario.What}}</td>{{range .Cells}}<td class="v {{.}}">{{if .}}&#x25cf;{{end}}</td>{{end}}<td><code>{{.Maincode}}</code></td><td class="viol">{{.Inv}}</td><td><code>{{.FirstDiff}}</code></td></tr>
{{end}}</table>
<h2>Error-path coverage</h2>
<p>{{len .R.Reached}} of {{len .R.Handlers}} error handlers ran for an error in some scenario.</p>
<ul id="handlers">{{range .R.Reached}}<li class="reached">reached: <code>{{.}}</code></li>{{end}}{{range .R.Untested}}<li class="untested">untested: <code>{{.}}</code></li>{{end}}</ul>
<h2>Invariants</h2>
<ul>{{range .R.Invariants}}<li><code>{{.ID}}</code>: {{.About}} <small>({{.Source}})</small></li>{{end}}</ul>
{{if .SVG}}<h2>Timeline: {{.Shown}}</h2>
<div id="timeline">{{.SVG}}</div>{{end}}
</body></html>
`))
})

// Geometry of the timeline picture.
const (
	svgLeft   = 150 // room for the row labels
	svgWidth  = 900 // the time axis
	rowHeight = 44
	barHeight = 14
)

// TimelineSVG draws a run in virtual time: one lane per VM that changed
// (its memory as a step line, its state as the colour of the band, a
// migration or reconfiguration as a bar over it), one lane of waits for
// each task, one of console messages (a tick each, the text in its tooltip).
func TimelineSVG(t *Timeline) string {
	span := t.End.Sub(t.Start)
	if span <= 0 {
		span = time.Second
	}
	x := func(at time.Time) float64 {
		return svgLeft + float64(at.Sub(t.Start))/float64(span)*svgWidth
	}
	lanes := changedVMs(t)
	var tasks []string // one lane of waits for each task, in the order they first wait
	for _, w := range t.Waits {
		if !slices.Contains(tasks, w.Task) {
			tasks = append(tasks, w.Task)
		}
	}
	if len(tasks) == 0 {
		tasks = []string{""}
	}
	height := (len(lanes)+len(tasks)+1)*rowHeight + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" aria-label="timeline">`, svgLeft+svgWidth+20, height)
	axis(&b, t, float64(height-20), x)
	for i, key := range lanes {
		y := float64(i*rowHeight + 10)
		drawVM(&b, t, key, y, x)
	}
	y := float64(len(lanes)*rowHeight + 10)
	for _, task := range tasks {
		label := "waits"
		if task != "" {
			label = "waits TSN " + task
		}
		fmt.Fprintf(&b, `<text x="4" y="%.0f">%s</text>`, y+barHeight, esc(label))
		for _, w := range t.Waits {
			if w.Task == task {
				fmt.Fprintf(&b, `<rect class="wait" x="%.1f" y="%.0f" width="%.1f" height="%d" fill="#8aa9d6"><title>%s WAIT-EVENT %.0f s</title></rect>`,
					x(w.Start), y, max(x(w.End)-x(w.Start), 1), barHeight, esc(w.Pos), w.Seconds)
			}
		}
		y += rowHeight
	}
	fmt.Fprintf(&b, `<text x="4" y="%.0f">console</text>`, y+barHeight)
	for _, l := range t.Console {
		fmt.Fprintf(&b, `<line class="console" x1="%.1f" x2="%.1f" y1="%.0f" y2="%.0f" stroke="#555"><title>%s %s %s</title></line>`,
			x(l.Time), x(l.Time), y, y+barHeight, l.Time.Format("15:04:05"), esc(l.Source), esc(l.Text))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func axis(b *strings.Builder, t *Timeline, y float64, x func(time.Time) float64) {
	fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="%.0f" y2="%.0f" stroke="#000"/>`, svgLeft, svgLeft+svgWidth, y, y)
	for i := 0; i <= 4; i++ {
		at := t.Start.Add(t.End.Sub(t.Start) * time.Duration(i) / 4)
		fmt.Fprintf(b, `<text x="%.1f" y="%.0f" text-anchor="middle">%s</text>`, x(at), y+14, at.Format("15:04:05"))
	}
}

// vmKey names a VM's lane: a guest by its name, so that a migrated VM
// keeps its lane; a monitor (index 1, one on each unit) by unit and name.
type vmKey = string

func laneOf(v vm2000.VMView) vmKey {
	if v.Index == 1 {
		return v.SU + "/" + v.Name
	}
	return v.Name
}

// changedVMs are the VMs whose view changed during the run or that an
// operation touched, in the order they first appear.
func changedVMs(t *Timeline) []vmKey {
	var out []vmKey
	for _, tt := range t.Touches {
		key := tt.Touch.VM
		for _, s := range t.Samples {
			for _, v := range s.VMs {
				if v.Name == tt.Touch.VM && v.SU == tt.Touch.SU {
					key = laneOf(v)
				}
			}
		}
		out = append(out, key)
	}
	if len(t.Samples) > 1 {
		first := map[vmKey]vm2000.VMView{}
		for _, v := range t.Samples[0].VMs {
			first[laneOf(v)] = v
		}
		for _, s := range t.Samples[1:] {
			for _, v := range s.VMs {
				if f, ok := first[laneOf(v)]; !ok || f != v {
					out = append(out, laneOf(v))
				}
			}
		}
	}
	return uniq(out)
}

var stateColours = map[string]string{"RUNNING": "#d8ecd8", "IN-HOLD": "#f6e3a1", "INIT-ONLY": "#e4e4e4", "DOWN": "#f2c4c4"}

func drawVM(b *strings.Builder, t *Timeline, name vmKey, y float64, x func(time.Time) float64) {
	fmt.Fprintf(b, `<g class="vm" data-vm="%s"><text x="4" y="%.0f">%s</text>`, esc(name), y+barHeight, esc(name))
	top := 1
	for _, s := range t.Samples {
		for _, v := range s.VMs {
			if laneOf(v) == name {
				top = max(top, v.Memory, v.Max, v.Planned)
			}
		}
	}
	var path []string
	for i, s := range t.Samples {
		end := t.End
		if i+1 < len(t.Samples) {
			end = t.Samples[i+1].Time
		}
		j := slices.IndexFunc(s.VMs, func(v vm2000.VMView) bool { return laneOf(v) == name })
		if j < 0 {
			continue // not there (yet or any more)
		}
		v := s.VMs[j]
		x0, x1 := x(s.Time), x(end)
		fmt.Fprintf(b, `<rect class="state" x="%.1f" y="%.0f" width="%.1f" height="%d" fill="%s"><title>%s on %s: %s, %d MB%s</title></rect>`,
			x0, y, max(x1-x0, 0.5), rowHeight-8, stateColours[v.State], esc(v.Name), esc(v.SU), v.State, v.Memory, busy(v))
		my := y + float64(rowHeight-8) - float64(v.Memory)/float64(top)*float64(rowHeight-12)
		path = append(path, fmt.Sprintf("%.1f,%.1f %.1f,%.1f", x0, my, x1, my))
		if v.Migrating || v.Reconfiguring {
			fmt.Fprintf(b, `<rect class="operation" x="%.1f" y="%.0f" width="%.1f" height="4" fill="#c0504d"><title>%s</title></rect>`,
				x0, y+2, max(x1-x0, 0.5), esc(strings.TrimPrefix(busy(v), ", ")))
		}
	}
	if len(path) > 0 {
		fmt.Fprintf(b, `<polyline class="memory" fill="none" stroke="#1f4e9a" stroke-width="2" points="%s"/>`, strings.Join(path, " "))
	}
	b.WriteString(`</g>`)
}

func busy(v vm2000.VMView) string {
	switch {
	case v.Migrating:
		return ", migrating (" + v.Phase + ")"
	case v.Reconfiguring:
		return fmt.Sprintf(", reconfiguring to %d MB", v.Planned)
	}
	return ""
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// WriteTimeline writes the picture of a plain run (`sdfp run --timeline
// FILE.html`): the timeline of what the recorder saw and the invariants
// its end state breaks, on one self-contained page.
func WriteTimeline(path, title string, r *Recorder) error {
	var b bytes.Buffer
	var violations []Violation
	if end := r.EndState(); end != nil {
		violations = checkInvariants(Invariants, end)
	}
	err := timelineTemplate().Execute(&b, map[string]any{
		"Title": title, "SVG": template.HTML(TimelineSVG(r.Timeline())), "Violations": violations, "Invariants": Invariants,
	})
	if err != nil {
		return err
	}
	return dms.WriteHostFile(path, b.Bytes())
}

var timelineTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("timeline").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>sdfp run {{.Title}}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}.viol{color:#a00}
code{font:12px ui-monospace,monospace}svg text{font:11px ui-monospace,monospace}
</style></head><body>
<h1>sdfp run <code>{{.Title}}</code></h1>
<div id="timeline">{{.SVG}}</div>
<h2>End state</h2>
{{if .Violations}}<ul id="violations">{{range .Violations}}<li class="viol"><code>{{.Invariant}}</code>: {{.Detail}}</li>{{end}}</ul>
{{else}}<p id="violations">Every invariant holds when the procedures end:</p>{{end}}
<ul>{{range .Invariants}}<li><code>{{.ID}}</code>: {{.About}}</li>{{end}}</ul>
</body></html>
`))
})
