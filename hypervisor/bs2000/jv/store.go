// Package jv stores job variables (JVs) in the run's file system: one file
// per JV under the directory JV/, named as the JV, replaced atomically
// (package dms), so a later run sees them and a crash never leaves a
// torn value. A JV holds up to 256 bytes; one that was never written
// reads as 256 bytes X'EE'. A monitoring JV (MONJV) is written by the
// system while its monitoring runs; user writes and deletes are then
// refused, and afterwards it is an ordinary user JV.
//
// A JV is known by its file: the name stored in a file must be the
// file's own, and what a file holds is checked when it is read, so a
// file crafted to name another one cannot make a write go there.
package jv

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/lexer/ebcdic"
)

// MaxLen is the longest JV value, in characters (EBCDIC bytes; each one
// rune of the Go string, package lexer/ebcdic).
const MaxLen = 256

// Undefined is the value of a JV that was never written: 256 bytes
// X'EE', each the character code page 1047 gives that byte, U+00D3 (Ó)
// (TestUndefinedIsXEE holds the two equal; repeating the character costs
// a start of sdfp less than decoding the bytes).
var Undefined = strings.Repeat("\u00d3", MaxLen)

// Dir is the directory of the file system that holds the JVs.
const Dir = "JV"

// MaxFileSize is the largest JV file read. A JV file is a small JSON
// object (256 bytes of value, escaped at most sixfold, passwords and the
// monitoring owner): anything larger is not one, and is not read whole.
const MaxFileSize = 64 << 10

// JV is one job variable.
type JV struct {
	Name          string    `json:"name"`
	Value         string    `json:"value"`
	Defined       bool      `json:"defined"`
	ReadPassword  string    `json:"read-password,omitempty"`
	WritePassword string    `json:"write-password,omitempty"`
	Monitor       string    `json:"monitor,omitempty"` // what monitors it, while monitoring runs
	Created       time.Time `json:"created"`
}

// Read returns the value (Undefined when never written).
func (j *JV) Read() string {
	if !j.Defined {
		return Undefined
	}
	return j.Value
}

// Error is a JV error with its message key and inserts.
type Error struct {
	Key     string
	Inserts []string
}

func (e *Error) Error() string { return e.Key + " " + strings.Join(e.Inserts, ",") }

// Message keys. The JV manual pages read give no keys for these cases;
// the keys are sdfp's (tag I in the message catalog).
const (
	KeyNotFound   = "JVS0410"
	KeyExists     = "JVS0411"
	KeyPassword   = "JVS0412"
	KeyMonitored  = "JVS0413"
	KeyTooLong    = "JVS0414"
	KeyBadName    = "JVS0415"
	KeyStoreError = "JVS0416" // inserts: name, file, reason
	KeyReadError  = "JVS0417" // inserts: name, file, reason
)

// fileError is the store's error for a JV file that cannot be written
// (key KeyStoreError) or read (KeyReadError): it names the JV, the file
// and what went wrong.
func fileError(key, name, file string, err error) *Error {
	return &Error{Key: key, Inserts: []string{name, file, reason(err)}}
}

// reason is what an I/O error says, in capitals as BS2000 messages are,
// without the operation and the file name an error of package os
// carries (the message names the file itself).
func reason(err error) string {
	var pe *fs.PathError
	for errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return strings.ToUpper(err.Error())
}

// Store is the JV store of one run. The run is the only writer of its
// workdir, so JVs are kept in memory once read: a WAIT-EVENT condition
// checked after every event costs no file access. Changes go to the files
// at once, or, with Deferred set, when Flush is called: a run that moves
// a MONJV through a dozen states in microseconds of wall time then
// renames each file once instead of a dozen times. Either way each file
// is replaced atomically, so a crash never leaves a torn JV (with
// Deferred, it loses the changes since the last Flush).
type Store struct {
	fs    afero.Fs
	now   func() time.Time
	cache map[string]*JV  // nil value: deleted, not yet flushed
	dirty map[string]bool // changed since the last flush
	// Deferred holds changes in memory until Flush.
	Deferred bool
	// Changes counts writes; a waiting task re-evaluates its condition
	// when it changes.
	Changes uint64
	// Catalog and User are the run's own catalog and user ID: names with
	// them are the same JV as without (names.go); empty: DefaultCatalog,
	// DefaultUser.
	Catalog, User string
}

// New returns a store in fs; now stamps creation times.
func New(fs afero.Fs, now func() time.Time) *Store {
	return &Store{fs: fs, now: now, cache: map[string]*JV{}, dirty: map[string]bool{}}
}

// NormalName checks a JV name (a BS2000 file name: 1..54 characters of
// letters, digits, $ # @ . - and catalog-ID colons) and returns it in
// upper case.
func NormalName(name string) (string, error) {
	n := strings.ToUpper(strings.TrimSpace(name))
	if len(n) == 0 || len(n) > 54 || strings.HasPrefix(n, ".") || strings.HasSuffix(n, ".") || strings.Contains(n, "..") {
		return "", &Error{Key: KeyBadName, Inserts: []string{name}}
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("$#@.-:", c) >= 0) {
			return "", &Error{Key: KeyBadName, Inserts: []string{name}}
		}
	}
	return n, nil
}

func (s *Store) file(name string) string { return path.Join(Dir, name) }

// Get loads a JV.
func (s *Store) Get(name string) (*JV, error) {
	n, err := s.normal(name)
	if err != nil {
		return nil, err
	}
	if j, ok := s.cache[n]; ok {
		if j == nil {
			return nil, &Error{Key: KeyNotFound, Inserts: []string{n}}
		}
		c := *j
		return &c, nil
	}
	file := s.file(n)
	data, err := dms.ReadFile(s.fs, file, MaxFileSize)
	if errors.Is(err, os.ErrNotExist) {
		return nil, &Error{Key: KeyNotFound, Inserts: []string{n}}
	}
	// A damaged file is reported each time and not cached.
	if err != nil {
		return nil, fileError(KeyReadError, n, file, err)
	}
	j, err := decode(n, data)
	if err != nil {
		return nil, fileError(KeyReadError, n, file, err)
	}
	c := *j
	s.cache[n] = &c
	return j, nil
}

// decode reads the JV file of the JV named n and checks what it holds:
// the name it stores is n (it is never used as a path), and the value
// fits a JV.
func decode(n string, data []byte) (*JV, error) {
	j := &JV{}
	if err := json.Unmarshal(data, j); err != nil {
		return nil, errors.New("not a job variable file: " + err.Error())
	}
	if j.Name != n {
		return nil, errors.New("the file names job variable '" + j.Name + "'")
	}
	// the file is host text (UTF-8): every character must have an
	// EBCDIC code, and the value is at most 256 of them
	if off, _ := ebcdic.Valid(j.Value); off >= 0 {
		return nil, errors.New("the value holds " + ebcdic.Describe(j.Value, off) + ", which has no EBCDIC code (code page 1047)")
	}
	if ebcdic.Len(j.Value) > MaxLen {
		return nil, errors.New("value longer than 256 characters")
	}
	return j, nil
}

// put records a changed JV and writes it unless writes are deferred.
// j.Name is always a normal name: the store sets it (Create,
// StartMonitor) or has checked it against the file name (Get).
func (s *Store) put(j *JV) error {
	c := *j
	s.cache[j.Name] = &c
	s.Changes++
	if s.Deferred {
		s.dirty[j.Name] = true
		return nil
	}
	return s.write(j.Name, j)
}

// write replaces the file of the JV named n atomically (dms.WriteFile:
// a new file swapped or renamed in; a failed write leaves the old file
// whole).
func (s *Store) write(n string, j *JV) error {
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return fileError(KeyStoreError, n, s.file(n), err)
	}
	if err := s.fs.MkdirAll(Dir, 0o755); err != nil {
		return fileError(KeyStoreError, n, Dir, err)
	}
	if err := dms.WriteFile(s.fs, s.file(n), data); err != nil {
		return fileError(KeyStoreError, n, s.file(n), err)
	}
	return nil
}

// remove deletes the file of the JV named n (and its spare).
func (s *Store) remove(n string) error {
	if err := dms.Remove(s.fs, s.file(n)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fileError(KeyStoreError, n, s.file(n), err)
	}
	return nil
}

// Flush writes the deferred changes to the files, in name order. It
// returns the errors of all the JVs that could not be written, joined
// (errors.Join of *Error, one per JV); their changes stay pending, so a
// later Flush tries again, and their files stay as they were.
func (s *Store) Flush() error {
	names := make([]string, 0, len(s.dirty))
	for n := range s.dirty {
		names = append(names, n)
	}
	sort.Strings(names)
	var errs []error
	for _, n := range names {
		var err error
		if j := s.cache[n]; j != nil {
			err = s.write(n, j)
		} else {
			err = s.remove(n)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		delete(s.dirty, n)
	}
	return errors.Join(errs...)
}

// Create makes a new JV with an undefined value.
func (s *Store) Create(name, readPW, writePW string) error {
	n, err := s.normal(name)
	if err != nil {
		return err
	}
	if _, err := s.Get(n); err == nil {
		return &Error{Key: KeyExists, Inserts: []string{n}}
	}
	return s.put(&JV{Name: n, ReadPassword: readPW, WritePassword: writePW, Created: s.now()})
}

// Read returns a JV's value, checking the read password.
func (s *Store) Read(name, password string) (string, error) {
	j, err := s.Get(name)
	if err != nil {
		return "", err
	}
	if j.ReadPassword != "" && j.ReadPassword != password {
		return "", &Error{Key: KeyPassword, Inserts: []string{j.Name}}
	}
	return j.Read(), nil
}

// Write sets part of a user JV's value: value goes to position pos
// (1-based); with length 0 it replaces the rest of the value, otherwise it
// is cut or blank-padded to length and the value after it is kept.
// Undefined positions before pos are filled with blanks.
func (s *Store) Write(name string, pos, length int, value, password string) error {
	j, err := s.Get(name)
	if err != nil {
		return err
	}
	if err := j.userWriteAt(pos, password); err != nil {
		return err
	}
	return s.set(j, pos, length, value)
}

// SystemPartLength is the system part of a monitoring JV, bytes 1-128;
// the user part, bytes 129-256, stays the user's while monitoring runs
// (V JV user guide, "Values for monitoring job variables" and
// "Protecting monitoring job variables"; the VM2000 MONJVs have the same
// two parts, S seed 003, V10:151).
const SystemPartLength = 128

// userWriteAt checks a user write at position pos: a monitoring JV's
// system part is the system's alone.
func (j *JV) userWriteAt(pos int, password string) error {
	if j.Monitor != "" && pos > SystemPartLength {
		if j.WritePassword != "" && j.WritePassword != password {
			return &Error{Key: KeyPassword, Inserts: []string{j.Name}}
		}
		return nil
	}
	return j.userWrite(password)
}

// userWrite checks that a user may change the JV: it is not monitored and
// the write password fits.
func (j *JV) userWrite(password string) error {
	if j.Monitor != "" {
		return &Error{Key: KeyMonitored, Inserts: []string{j.Name, j.Monitor}}
	}
	if j.WritePassword != "" && j.WritePassword != password {
		return &Error{Key: KeyPassword, Inserts: []string{j.Name}}
	}
	return nil
}

// set works in characters, not bytes (package lexer/ebcdic).
func (s *Store) set(j *JV, pos, length int, value string) error {
	cur := ""
	if j.Defined {
		cur = j.Value
	}
	if pos < 1 {
		pos = 1
	}
	if n := ebcdic.Len(cur); n < pos-1 {
		cur += strings.Repeat(" ", pos-1-n)
	}
	head := cur[:ebcdic.Offset(cur, pos-1)]
	var next string
	if length <= 0 {
		next = head + value
	} else {
		v := ebcdic.Slice(value, 0, length)
		if n := ebcdic.Len(v); n < length {
			v += strings.Repeat(" ", length-n)
		}
		next = head + v + ebcdic.Slice(cur, pos-1+length, -1)
	}
	if ebcdic.Len(next) > MaxLen {
		return &Error{Key: KeyTooLong, Inserts: []string{j.Name}}
	}
	j.Value, j.Defined = next, true
	return s.put(j)
}

// Delete removes a user JV.
func (s *Store) Delete(name, password string) error {
	j, err := s.Get(name)
	if err != nil {
		return err
	}
	if err := j.userWrite(password); err != nil {
		return err
	}
	s.cache[j.Name] = nil
	s.Changes++
	if s.Deferred {
		s.dirty[j.Name] = true
		return nil
	}
	return s.remove(j.Name)
}

// StartMonitor makes a JV a monitoring JV of what (e.g. "MIGRATE-VM
// VM12PROD"), creating it when missing. An existing JV's write password
// must be given.
func (s *Store) StartMonitor(name, what, password string) (string, error) {
	n, err := s.normal(name)
	if err != nil {
		return "", err
	}
	j, err := s.Get(n)
	var je *Error
	switch {
	case errors.As(err, &je) && je.Key == KeyNotFound:
		j = &JV{Name: n, Created: s.now()}
	case err != nil:
		return "", err
	default:
		if err := j.userWrite(password); err != nil {
			return "", err
		}
	}
	j.Monitor = what
	return n, s.put(j)
}

// SystemWrite writes part of a monitoring JV for the system.
func (s *Store) SystemWrite(name string, pos int, value string) error {
	j, err := s.Get(name)
	if err != nil {
		return err
	}
	return s.set(j, pos, len(value), value)
}

// EndMonitor ends monitoring: the JV stays as an ordinary user JV.
func (s *Store) EndMonitor(name string) error {
	j, err := s.Get(name)
	if err != nil {
		return err
	}
	j.Monitor = ""
	return s.put(j)
}

// List returns the JVs whose names start with prefix, sorted: those in
// the files and those only in memory so far.
func (s *Store) List(prefix string) ([]*JV, error) {
	entries, err := afero.ReadDir(s.fs, Dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fileError(KeyReadError, prefix+"*", Dir, err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		// only files named as a JV (upper case, valid) are JVs: hidden
		// files (sdfp's temporary files and spares) and anything else
		// put into JV/ are not
		if n, err := NormalName(e.Name()); err == nil && n == e.Name() {
			names[n] = true
		}
	}
	for n := range s.cache {
		names[n] = true
	}
	var out []*JV
	prefix = strings.ToUpper(prefix)
	for n := range names {
		if !strings.HasPrefix(n, prefix) {
			continue
		}
		j, err := s.Get(n)
		var je *Error
		if errors.As(err, &je) && je.Key == KeyNotFound {
			continue // deleted, not yet flushed
		}
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out, nil
}
