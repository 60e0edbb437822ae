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

// ArgValues is Args for the direct path's typed arguments (args.go): a
// buffer with the defaults in place, into which the caller evaluates
// written argument k at index Target(k), and which Check then checks.
func (b *Binding) ArgValues() []ArgValue {
	out := make([]ArgValue, len(b.f.Params))
	for _, i := range b.defaults {
		out[i].set(b.f.Params[i].Default)
	}
	return out
}

// Target is the parameter written argument k fills.
func (b *Binding) Target(k int) int { return b.slots[k].param }

// TakesStrings reports whether written argument k passes Check as it is
// whenever it is a string: the caller need not check a STRING
// expression there.
func (b *Binding) TakesStrings(k int) bool { return b.slots[k].strings }

// Passes reports whether x, the value of written argument k, passes
// Check as it is: an unboxed string where any string passes, or an
// unboxed int within the range where any int does. Small enough to be
// inlined, so that a call whose values all pass checks nothing more.
func (b *Binding) Passes(x *ArgValue, k int) bool {
	s := &b.slots[k]
	switch x.kind {
	case argStr:
		return s.strings
	case argInt:
		return s.ints && x.n >= minInt32 && x.n <= maxInt32
	}
	return false
}

// Fix places written argument k, whose value v is known when the site
// is compiled (a literal), into out once, checked, so that no call
// evaluates or checks it again. It reports false, placing nothing, when
// v fails the check: the caller then checks it at each call, where the
// error belongs among the others in the order written.
func (b *Binding) Fix(out []ArgValue, k int, v any) bool {
	s := &b.slots[k]
	c, err := s.p.check(b.f.Name, v)
	if err != nil {
		return false
	}
	x := &out[s.param]
	x.set(c)
	if str, ok := c.(string); ok && s.p.VariableName {
		if name, err := variableName(str); err == nil { // a bad one fails at every call, as before
			x.s, x.name = name, true
		}
	}
	return true
}

// Check is Bind for the written arguments ks (in the order written),
// evaluated in place into a buffer from ArgValues: a string or an int
// that the parameter takes as it is stays unboxed; any other value is
// checked boxed, as Bind checks it. The arguments not in ks are fixed
// or need no check. args holds the buffer (TypedArgs).
func (b *Binding) Check(args Args, ks []int) error {
	out := args.vals
	for _, k := range ks {
		s := &b.slots[k]
		x := &out[s.param]
		switch x.kind {
		case argStr:
			if s.strings {
				continue
			}
		case argInt:
			if s.ints && x.n >= minInt32 && x.n <= maxInt32 {
				continue
			}
		default:
			switch n := x.v.(type) { // passes boxed, as Args reads it
			case string:
				if s.strings {
					continue
				}
			case int:
				if s.ints && n >= minInt32 && n <= maxInt32 {
					continue
				}
			}
		}
		v, err := s.p.check(b.f.Name, x.Any())
		if err != nil {
			return err
		}
		x.set(v)
	}
	return nil
}
