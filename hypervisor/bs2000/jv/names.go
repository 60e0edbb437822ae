package jv

import "strings"

// A JV name may carry the catalog ID and the user ID, as a file name
// does (:CAT:$USER.NAME). A JV of the run's own catalog and user ID is
// the same JV whether its name gives them or not: `JV.X`, `$SDFPUSER.JV.X`
// and `:SDFP:$SDFPUSER.JV.X` name one JV, kept under its short name (V JV
// user guide, "Permanent user job variables": an incomplete path name is
// completed with the user ID's default catalog ID and the job's user
// ID). A name with another catalog or user ID is kept as written.

// DefaultCatalog and DefaultUser are the run's own catalog and user ID
// unless Store.Catalog and Store.User say otherwise (the session's,
// as the file commands and SHOW-JV-ATTRIBUTES use them).
const (
	DefaultCatalog = "SDFP"
	DefaultUser    = "SDFPUSER"
)

// own returns the store's catalog and user ID.
func (s *Store) own() (cat, user string) {
	cat, user = s.Catalog, s.User
	if cat == "" {
		cat = DefaultCatalog
	}
	if user == "" {
		user = DefaultUser
	}
	return strings.ToUpper(cat), strings.ToUpper(user)
}

// normal checks a JV name (NormalName) and drops the store's own catalog
// and user ID from it.
func (s *Store) normal(name string) (string, error) {
	n, err := NormalName(name)
	if err != nil {
		return "", err
	}
	cat, user := s.own()
	rest := n
	if strings.HasPrefix(rest, ":") {
		end := strings.IndexByte(rest[1:], ':')
		if end < 0 || rest[1:1+end] != cat {
			return n, nil // another catalog's, or no catalog ID after all
		}
		rest = rest[end+2:]
	}
	if strings.HasPrefix(rest, "$") {
		dot := strings.IndexByte(rest, '.')
		if dot < 0 || rest[1:dot] != user {
			return n, nil
		}
		rest = rest[dot+1:]
	}
	if _, err := NormalName(rest); err != nil || strings.ContainsAny(rest, ":$") {
		return n, nil
	}
	return rest, nil
}

// Normal returns the name the store keeps a JV under: the name checked,
// without the run's own catalog and user ID.
func (s *Store) Normal(name string) (string, error) { return s.normal(name) }

// FullName completes a JV name with the run's catalog and user ID
// (:SDFP:$SDFPUSER.JV.X), as the system shows the names of monitoring
// JVs; a name that has either already is returned as it is.
func (s *Store) FullName(name string) string {
	n, err := s.normal(name)
	if err != nil || strings.ContainsAny(n, ":$") {
		return strings.ToUpper(name)
	}
	cat, user := s.own()
	return ":" + cat + ":$" + user + "." + n
}
