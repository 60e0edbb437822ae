package session

import (
	"os"
	"path"
	"strings"
	"sync"

	"sdfp/hypervisor/bs2000/world"
)

// worldDirs holds os.Roots of the world's directories (.sdfp and those
// in it: world, spares, originals), each opened once for the run. An
// os.Root resolves a name one directory at a time, so every call on
// .sdfp/world/world.json opened and closed .sdfp and .sdfp/world again:
// some 40 opens and 40 closes of a VMMEM run. The roots are opened through
// the workdir's root, so they are inside it as every name is, and a
// directory removed, renamed or made is forgotten and opened again.
type worldDirs struct {
	mu    sync.Mutex
	roots map[string]*os.Root // nil: the directory was missing
}

// in returns the root a name is resolved in and the name within it.
func (f *RootFS) in(name string) (*os.Root, string) {
	rest, ok := strings.CutPrefix(name, world.Dir+"/")
	if !ok {
		return f.root, name
	}
	if i := strings.IndexByte(rest, '/'); i > 0 {
		if r := f.worldDir(world.Dir + "/" + rest[:i]); r != nil {
			return r, rest[i+1:]
		}
	}
	if r := f.worldDir(world.Dir); r != nil {
		return r, rest
	}
	return f.root, name
}

func (f *RootFS) worldDir(dir string) *os.Root {
	d := &f.dirs
	d.mu.Lock()
	defer d.mu.Unlock()
	if r, ok := d.roots[dir]; ok {
		return r
	}
	if d.roots == nil {
		d.roots = map[string]*os.Root{}
	}
	r, err := f.root.OpenRoot(dir)
	if err != nil {
		r = nil
	}
	d.roots[dir] = r
	return r
}

// made forgets the directories known to be missing: a call may have
// made them.
func (f *RootFS) made() {
	d := &f.dirs
	d.mu.Lock()
	defer d.mu.Unlock()
	for k, r := range d.roots {
		if r == nil {
			delete(d.roots, k)
		}
	}
}

// gone forgets the directories at or below the names a call removed or
// renamed.
func (f *RootFS) gone(names ...string) {
	d := &f.dirs
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, n := range names {
		n = path.Clean(n)
		for k, r := range d.roots {
			if k == n || strings.HasPrefix(k, n+"/") || n == "." {
				if r != nil {
					r.Close()
				}
				delete(d.roots, k)
			}
		}
	}
}

// closeDirs closes the roots at the end of the run.
func (f *RootFS) closeDirs() {
	f.gone(".")
}
