package interp

import (
	"sdfp/parser/catalog"
)

// unknownFunction is the error of a call of a function the table lacks,
// naming the nearest function when one is near enough (LENGHT: LENGTH),
// as sdfp check does.
func (r *Runner) unknownFunction(name string) error {
	var names []string
	for _, f := range r.funcs.Functions() {
		names = append(names, f.Name)
	}
	if near := catalog.Suggest(name, names); len(near) > 0 {
		return functionUnknownNear.err(name, near[0])
	}
	return functionUnknown.err(name)
}
