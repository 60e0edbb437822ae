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
	f := r.frame
	if f != nil && c.frame == f && c.scope == f.locals && c.gen == f.locals.gen {
		return r.loadContainer(c.v)
	}
	v := r.lookup(name)
	// Only a variable of the level's own scope is kept: one found in an
	// including level's scope could be shadowed by a later declaration
	// here without the including scope changing. SYSSWITCH is no entry of
	// a scope (switches.go).
	if f != nil && v != nil && name != sysSwitchName && f.locals.vars[name] == v {
		*c = varCache{frame: f, scope: f.locals, gen: f.locals.gen, v: v}
	}
	return v
}

// set binds name in the scope, counting the generation.
func (s *scope) set(name string, v *variable) {
	s.gen++
	s.vars[name] = v
}
