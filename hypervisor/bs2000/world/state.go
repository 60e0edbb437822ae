package world

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// The saved state of the system beyond the workdir's files, written at
// the end of every run that writes: world.json, and the VM2000 in the
// installation format.
const (
	StateFile  = StateDir + "/world.json"
	VM2000File = StateDir + "/vm2000.yaml"
)

// stateVersion is the version of world.json's layout.
const stateVersion = 1

// MaxStateSize bounds what is read of world.json and vm2000.yaml.
const MaxStateSize = 64 << 20

// State is what world.json holds.
type State struct {
	Version int `json:"version"`
	// Installation names the installation the world was started from
	// ("" for the embedded one), InstallationSHA256 is the hash of its
	// text: --continue refuses a world whose installation changed.
	Installation       string `json:"installation"`
	InstallationSHA256 string `json:"installation-sha256"`
	// VirtualTime is the virtual clock when the run ended; the next
	// continued run starts there.
	VirtualTime time.Time `json:"virtual-time"`
	// NextTSN is the TSN counter: the number the next task gets.
	NextTSN int `json:"next-tsn"`
	// VM2000SHA256 is the hash of vm2000.yaml: the two files are written
	// one after the other, and a pair that does not belong together (a
	// run killed between them) is refused instead of mixed.
	VM2000SHA256 string `json:"vm2000-sha256"`
	// Runs counts the runs of the world (1: the plain run that started it).
	Runs int `json:"runs"`
}

// Hash is the hex SHA-256 of a file's text, as State holds it.
func Hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// SaveState writes the world's state: vm2000.yaml, then world.json,
// each replaced atomically (a temporary file renamed or swapped in).
// world.json holds vm2000's hash: st.VM2000SHA256 when the caller knows
// it, else computed here.
// vm2000.yaml is left alone when it holds the text already (plain runs
// of one procedure leave the same VM2000 each time): reading it costs
// less than replacing it.
func SaveState(base afero.Fs, st State, vm2000 []byte) error {
	if err := base.MkdirAll(StateDir, 0o755); err != nil {
		return err
	}
	dms.RemoveStale(base, StateDir)
	st.Version = stateVersion
	if st.VM2000SHA256 == "" { // the caller's, when it knows it
		st.VM2000SHA256 = Hash(vm2000)
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if old, err := dms.ReadFile(base, VM2000File, int64(len(vm2000))); err != nil || !bytes.Equal(old, vm2000) {
		if err := dms.WriteFile(base, VM2000File, vm2000); err != nil {
			return err
		}
	}
	data = append(data, '\n')
	// Discard kept the last world.json as its spare: when it holds this
	// text (plain runs of one procedure end in the same state), it is
	// put back, a rename, instead of written again
	spare := spareOf(StateFile)
	if old, err := dms.ReadFile(base, spare, int64(len(data))); err == nil && bytes.Equal(old, data) {
		if _, err := dms.Lstat(base, StateFile); errors.Is(err, fs.ErrNotExist) && base.Rename(spare, StateFile) == nil {
			return nil
		}
	}
	return dms.WriteFile(base, StateFile, data)
}

// ErrNoWorld is LoadState's error when the workdir holds no saved world
// (no run wrote it yet, or the last plain run did not end).
var ErrNoWorld = errors.New("no saved world")

// LoadState reads the saved world: world.json, checked, and the text of
// vm2000.yaml (the caller loads it as an installation, which reports its
// own errors with their positions).
func LoadState(base afero.Fs) (State, []byte, error) {
	var st State
	data, err := dms.ReadFile(base, StateFile, MaxStateSize)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil, ErrNoWorld
	}
	if err != nil {
		return st, nil, &Error{File: StateFile, Msg: innermost(err).Error()}
	}
	if err := parseState(data, &st); err != nil {
		return st, nil, err
	}
	vm, err := dms.ReadFile(base, VM2000File, MaxStateSize)
	if err != nil {
		return st, nil, &Error{File: VM2000File, Msg: innermost(err).Error()}
	}
	if Hash(vm) != st.VM2000SHA256 {
		return st, nil, &Error{File: VM2000File, Msg: "does not belong to " + StateFile + " (its hash differs; a run was stopped while saving the world)"}
	}
	return st, vm, nil
}

// parseState decodes world.json strictly: unknown fields, a wrong type,
// a missing or impossible value are errors at their line and column.
func parseState(data []byte, st *State) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	at := func(off int64, format string, args ...any) error {
		line, col := lineCol(data, off)
		return &Error{File: StateFile, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	if err := dec.Decode(st); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return at(se.Offset, "%v", se)
		case errors.As(err, &te):
			return at(te.Offset, "%s must be a %s, not a %s", te.Field, te.Type, te.Value)
		}
		// the decoder gives no offset for an unknown field: find its key
		if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			if i := bytes.Index(data, []byte(field)); i >= 0 {
				return at(int64(i), "unknown field %s", field)
			}
		}
		return at(dec.InputOffset(), "%v", err)
	}
	if _, err := dec.Token(); err == nil {
		return at(dec.InputOffset(), "text after the end of the object")
	}
	switch {
	case st.Version != stateVersion:
		return at(0, "version %d; this sdfp reads version %d", st.Version, stateVersion)
	case st.VirtualTime.IsZero():
		return at(0, "virtual-time is missing")
	case st.NextTSN < 1 || st.NextTSN > maxTSN:
		return at(0, "next-tsn must be 1..%d, not %d", maxTSN, st.NextTSN)
	case len(st.InstallationSHA256) != 64 || len(st.VM2000SHA256) != 64:
		return at(0, "installation-sha256 and vm2000-sha256 must be SHA-256 hashes")
	}
	return nil
}

// maxTSN is the highest TSN number: a TSN is four characters.
const maxTSN = 9999

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off <= 0 {
		return 1, 1
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, int(off) - bytes.LastIndexByte(before, '\n')
}

// Discard removes the saved state (a plain run does so before it changes
// anything, so that a run killed half way leaves no world to continue).
// Where names can be swapped (dms.Exchanger), world.json becomes its dms
// spare instead of being removed: SaveState then writes into that file
// rather than creating one, which is the dearest system call of a short
// run on ext4. The spare is no world: LoadState reads world.json only.
func Discard(base afero.Fs) error {
	if _, ok := base.(dms.Exchanger); ok {
		err := base.Rename(StateFile, spareOf(StateFile))
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return nil
		}
	}
	err := base.Remove(StateFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
