package interp

// The inline cache of a variable site (issue 18). Looking a name up walks
// the procedure levels and hashes the name in each level's map; a loop
// reads the same few variables at the same few sites millions of times.
// A site that found its variable in the current level's own scope keeps
// it, and uses it again while the level, its scope and the scope's
// generation are the ones it saw: every change of a scope's names (a
// declaration, an import or export, a deletion, a borrowed task variable)
// goes through scope.set or scope.unbind, which count the generation, and
// a procedure call or return changes the level. So run-time declarations,
// composed names and &-replacement keep their semantics: a site whose
// variable may have moved looks it up again. What a variable holds is read
// from it at every use, and a JV-linked one is still read from its JV.

// varCache is the binding one site remembers.
type varCache struct {
	frame *frame
	scope *scope
	gen   uint64
	v     *variable
}

// lookup is Runner.lookup for the site of c.
func (c *varCache) lookup(r *Runner, name string) *variable {
	if v := c.hit(r); v != nil {
		return v
	}
	return c.miss(r, name)
}

// hit is the variable kept, while it may be used, else nil; small enough
// to be inlined at the hottest sites. A frame's scope is set when the
// frame is made, so c.scope is the current level's while c.frame is. A
// JV-linked variable takes the miss, which reads its value from the JV.
func (c *varCache) hit(r *Runner) *variable {
	if c.scope != nil && c.frame == r.frame && c.gen == c.scope.gen && c.v.node.jvName() == "" {
		return c.v
	}
	return nil
}

// simpleNode is the node of the simple variable the site keeps, looked
// up when it keeps none; nil when name stands for no simple variable.
func (c *varCache) simpleNode(r *Runner, name string) *node {
	v := c.hit(r)
	if v == nil {
		v = c.miss(r, name)
	}
	if v == nil || v.node.t.kind != simpleNode {
		return nil
	}
	return v.node
}

// miss looks name up and keeps what it found when it may.
func (c *varCache) miss(r *Runner, name string) *variable {
	v := r.lookup(name)
	c.keep(r, name, v)
	return v
}

// keep keeps v, the variable name stands for, when it may.
func (c *varCache) keep(r *Runner, name string, v *variable) {
	f := r.frame
	// Only a variable of the level's own scope is kept: one found in an
	// including level's scope could be shadowed by a later declaration
	// here without the including scope changing. SYSSWITCH is no entry of
	// a scope (switches.go).
	if f != nil && v != nil && name != sysSwitchName && f.locals.vars[name] == v {
		*c = varCache{frame: f, scope: f.locals, gen: f.locals.gen, v: v}
	}
}

// set binds name in the scope, counting the generation.
func (s *scope) set(name string, v *variable) {
	s.gen++
	s.vars[name] = v
}
