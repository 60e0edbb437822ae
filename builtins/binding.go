package builtins

// Binding is the argument binding of one call site, worked out once from
// the keys written there (positional or KEY=, abbreviated): which
// parameter each written argument fills and which parameters take their
// defaults. The interpreter plans each call site once and then only
// checks the values of each call (Binding.Bind), instead of resolving
// keywords and allocating the binding per call as Function.Bind does.
type Binding struct {
	f        *Function
	slots    []slot
	defaults []int // the parameters no argument fills
}

// slot is the parameter a written argument fills, with what its check
// needs for the common case (a plain value of the right type) at hand.
type slot struct {
	param   int
	p       *Param
	strings bool // a string passes as it is
	ints    bool // an int passes after the 32-bit range check
}

// Plan works out the binding of a call whose written arguments have the
// given keys ("" for a positional one). It fails where Function.Bind
// would fail whatever the values are (a positional argument after a
// keyword one, too many arguments, an unknown or ambiguous keyword, a
// parameter given twice, a mandatory one missing); the caller then binds
// with Function.Bind, which reports that error in its own order among
// the value checks.
func (f *Function) Plan(keys []string) (*Binding, error) {
	b := &Binding{f: f, slots: make([]slot, len(keys))}
	pl := f.placer()
	for k, key := range keys {
		i, err := pl.place(key)
		if err != nil {
			return nil, err
		}
		p := &f.Params[i]
		b.slots[k] = slot{
			param:   i,
			p:       p,
			strings: !p.NoValue && (p.Type == TypeAny || p.Type == TypeString),
			ints:    !p.NoValue && (p.Type == TypeAny || p.Type == TypeInteger),
		}
	}
	var err error
	if b.defaults, err = pl.defaulted(); err != nil {
		return nil, err
	}
	return b, nil
}

// Args returns a buffer for the bound arguments of the site's calls,
// with the defaults in place: Bind fills the rest at each call, and no
// call writes where a default is, so they stay.
func (b *Binding) Args() []any {
	out := make([]any, len(b.f.Params))
	for _, i := range b.defaults {
		out[i] = b.f.Params[i].Default
	}
	return out
}

// Bind checks the values of one call, one per written argument in the
// order written, as Function.Bind does, and places them into out, a
// buffer from Args that only Bind has written since (it is reused from
// call to call: Impl neither keeps nor changes its arguments).
func (b *Binding) Bind(vals, out []any) ([]any, error) {
	for k, v := range vals {
		s := &b.slots[k]
		switch x := v.(type) {
		case string:
			if s.strings {
				out[s.param] = v
				continue
			}
		case int:
			if s.ints && x >= minInt32 && x <= maxInt32 {
				out[s.param] = v
				continue
			}
		}
		v, err := s.p.check(b.f.Name, v)
		if err != nil {
			return nil, err
		}
		out[s.param] = v
	}
	return out, nil
}
