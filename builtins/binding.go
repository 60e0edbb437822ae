package builtins

// Binding is the argument binding of one call site, worked out once from
// the keys written there (positional or KEY=, abbreviated): which
// parameter each written argument fills and which parameters take their
// defaults. The interpreter plans each call site once and then only
// checks the values of each call (Binding.Bind), instead of resolving
// keywords and allocating the binding per call as Function.Bind does.
type Binding struct {
	f        *Function
	slots    []int // the parameter each written argument fills
	defaults []int // the parameters no argument fills
}

// Plan works out the binding of a call whose written arguments have the
// given keys ("" for a positional one). It fails where Function.Bind
// would fail whatever the values are (a positional argument after a
// keyword one, too many arguments, an unknown or ambiguous keyword, a
// parameter given twice, a mandatory one missing); the caller then binds
// with Function.Bind, which reports that error in its own order among
// the value checks.
func (f *Function) Plan(keys []string) (*Binding, error) {
	b := &Binding{f: f, slots: make([]int, len(keys))}
	set := make([]bool, len(f.Params))
	next, sawKey := 0, false
	for k, key := range keys {
		i := -1
		if key == "" {
			if sawKey {
				return nil, positionalAfterKeyword.err(f.Name)
			}
			if next >= len(f.Params) {
				return nil, tooManyParameters.err(f.Name, len(f.Params))
			}
			i = next
			next++
		} else {
			sawKey = true
			var err error
			if i, err = f.paramIndex(key); err != nil {
				return nil, err
			}
		}
		if set[i] {
			return nil, parameterTwice.err(f.Name, f.Params[i].Name)
		}
		b.slots[k], set[i] = i, true
	}
	for i, p := range f.Params {
		if set[i] {
			continue
		}
		if p.Default == nil {
			return nil, parameterMissing.err(f.Name, p.Name)
		}
		b.defaults = append(b.defaults, i)
	}
	return b, nil
}

// Bind checks the values of one call, one per written argument in the
// order written, as Function.Bind does, and places them with the
// defaults into out, which must have room for every parameter (it is
// reused from call to call: Impl keeps no reference to its arguments).
func (b *Binding) Bind(vals, out []any) ([]any, error) {
	out = out[:len(b.f.Params)]
	for k, v := range vals {
		i := b.slots[k]
		v, err := b.f.Params[i].check(b.f.Name, v)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	for _, i := range b.defaults {
		out[i] = b.f.Params[i].Default
	}
	return out, nil
}
