package catalog

import (
	"sort"
	"strings"
)

// Did-you-mean: the names of a table (commands, operands, keyword values,
// builtin functions) nearest to a name that matched none of them. SDF
// lets every part of a hyphenated name be cut short (SHOW-VM-ATTR), so a
// written part is compared with the start of the declared part as well as
// whole names with each other: SHOW-VM-ATRIB is one edit from an
// abbreviation of SHOW-VM-ATTRIBUTES. Distances are optimal string
// alignment (Damerau-Levenshtein with adjacent transpositions, each edit
// costing 1), so LENGHT is one edit from LENGTH.

// maxSuggestions is how many names a hint lists at most.
const maxSuggestions = 3

// suggestLimit is the distance up to which a name counts as meant: one
// edit for names under 10 characters, two under 15, three beyond. A
// looser limit offers names that merely share letters.
func suggestLimit(written string) int {
	return min(3, max(1, len(written)/5))
}

// Suggest returns the names nearest to written (compared without case and
// without a leading "*"): those at the smallest distance, at most three,
// in table order; nil when none is near enough.
func Suggest(written string, names []string) []string {
	w := strings.ToUpper(strings.TrimPrefix(written, "*"))
	if w == "" || len(w) > 64 {
		return nil // a whole line of text is no misspelt name
	}
	limit := suggestLimit(w)
	type near struct {
		name string
		d, i int
	}
	var found []near
	seen := map[string]bool{}
	for i, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		full := strings.ToUpper(strings.TrimPrefix(n, "*"))
		if d := nameDistance(w, full, limit); d <= limit && w != full {
			found = append(found, near{n, d, i})
		}
	}
	sort.SliceStable(found, func(a, b int) bool { return found[a].d < found[b].d })
	var out []string
	for _, f := range found {
		if len(out) == maxSuggestions || f.d > found[0].d {
			break
		}
		out = append(out, f.name)
	}
	return out
}

// Hint renders suggestions as the end of a message: "; did you mean X?"
// or "; did you mean X, Y or Z?"; "" for none.
func Hint(suggestions []string) string {
	switch len(suggestions) {
	case 0:
		return ""
	case 1:
		return "; did you mean " + suggestions[0] + "?"
	}
	last := len(suggestions) - 1
	return "; did you mean " + strings.Join(suggestions[:last], ", ") + " or " + suggestions[last] + "?"
}

// nameDistance is the smaller of the distance between the whole names
// and the abbreviation distance: part by part, each written part against
// the nearest start of the declared part, of which it must keep at least
// one character. Results above limit are only
// known to be above it.
func nameDistance(w, full string, limit int) int {
	best := limit + 1
	if abs(len(w)-len(full)) <= limit {
		best = osa(w, full, false)
	}
	wp, fp := strings.Split(w, "-"), strings.Split(full, "-")
	if len(wp) > len(fp) {
		return best
	}
	sum := 0
	for i, p := range wp {
		d := osa(p, fp[i], true)
		if d > 0 && d >= len(p) {
			return best // nothing of the written part is kept: SHOW-X is not SHOW-VM
		}
		sum += d
		if sum >= best {
			return best
		}
	}
	return sum
}

// osa is the optimal string alignment distance of a and b; with prefix,
// the distance of a to the nearest start of b (so that a may abbreviate
// b).
func osa(a, b string, prefix bool) int {
	// rows of the edit matrix: two back, the last and the current
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if !prefix {
		return prev[len(b)]
	}
	best := prev[0]
	for _, d := range prev {
		best = min(best, d)
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Suggest returns the commands whose names or aliases are nearest to
// written: an alias where the alias is nearer (EXEC-CMD for EXEC-CDM).
func (c *Catalog) Suggest(written string) []string {
	var names []string
	for _, cmd := range c.cmds {
		names = append(names, cmd.Name)
		names = append(names, cmd.Aliases...)
	}
	return Suggest(written, names)
}

// SuggestOperand returns the names and aliases of ops nearest to written
// (JV-NAME, an alias of JV-CONTENTS, for JV-NAEM).
func SuggestOperand(ops []*Operand, written string) []string {
	var names []string
	for _, o := range ops {
		names = append(names, o.Names()...)
	}
	return Suggest(written, names)
}
