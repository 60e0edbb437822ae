package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// historyFile keeps the inputs of sdfp dialog from one dialog to the
// next: one JSON string per line (an input of several lines, a block,
// is one entry), the newest last. It is the user's, not the workdir's
// (the workdir holds the BS2000 files of runs): by default
// $XDG_STATE_HOME/sdfp/dialog-history, else ~/.local/state/sdfp/
// dialog-history, and only on a terminal, so that a scripted dialog
// in CI writes nothing outside its workdir; --history FILE names one
// for any dialog, --history off none.
type historyFile struct {
	path string
	old  []string // the entries of earlier dialogs
	warn io.Writer
	bad  bool // a write failed: said once, then no more tries
}

// maxHistory is how many entries the file keeps; older ones are dropped
// when the dialog starts.
const maxHistory = 1000

// defaultHistoryPath is where the history lives without --history.
func defaultHistoryPath() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "sdfp", "dialog-history")
}

// openHistory opens the history named by --history (flag), nil for
// none. A file that cannot be read is reported on warn and the dialog
// goes on without its entries.
func openHistory(flag string, terminal bool, warn io.Writer) *historyFile {
	path := flag
	switch {
	case flag == "off":
		return nil
	case flag == "" && !terminal:
		return nil
	case flag == "":
		path = defaultHistoryPath()
	}
	if path == "" {
		return nil
	}
	h := &historyFile{path: path, warn: warn}
	h.load()
	return h
}

func (h *historyFile) load() {
	f, err := os.Open(h.path)
	if err != nil {
		if !os.IsNotExist(err) {
			fmt.Fprintf(h.warn, "sdfp dialog: history %s: %v\n", h.path, err)
		}
		return
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		fmt.Fprintf(h.warn, "sdfp dialog: history %s: not a regular file; not used\n", h.path)
		h.bad = true
		return
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e string
		if json.Unmarshal(sc.Bytes(), &e) == nil && e != "" {
			h.old = append(h.old, e)
		}
	}
	if len(h.old) > maxHistory {
		h.old = h.old[len(h.old)-maxHistory:]
		h.rewrite()
	}
}

// rewrite replaces the file with the kept entries: written to a
// temporary file that then takes its place, so that the file is never
// torn.
func (h *historyFile) rewrite() {
	var b strings.Builder
	for _, e := range h.old {
		line, _ := json.Marshal(e)
		b.Write(line)
		b.WriteByte('\n')
	}
	tmp := h.path + ".sdfp-tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o600); err != nil {
		h.fail(err)
		return
	}
	if err := os.Rename(tmp, h.path); err != nil {
		os.Remove(tmp)
		h.fail(err)
	}
}

// entries are the inputs of earlier dialogs, oldest first.
func (h *historyFile) entries() []string {
	if h == nil {
		return nil
	}
	return append([]string(nil), h.old...)
}

// add appends an entry: one write of one line, so that a killed dialog
// leaves the file whole up to its last line.
func (h *historyFile) add(entry string) {
	if h == nil || h.bad {
		return
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o700); err != nil {
		h.fail(err)
		return
	}
	f, err := os.OpenFile(h.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		h.fail(err)
		return
	}
	line, _ := json.Marshal(entry)
	if _, err := f.Write(append(line, '\n')); err != nil {
		h.fail(err)
	}
	if err := f.Close(); err != nil {
		h.fail(err)
	}
}

func (h *historyFile) fail(err error) {
	if !h.bad {
		fmt.Fprintf(h.warn, "sdfp dialog: history %s: %v; inputs are not kept\n", h.path, err)
	}
	h.bad = true
}

// lines is the terminal's recall history (x/term's History): the
// physical lines of the earlier dialogs' inputs, newest first, and the
// lines typed in this dialog.
func (h *historyFile) lines() *recallHistory {
	r := &recallHistory{}
	for _, e := range h.old {
		for _, l := range strings.Split(e, "\n") {
			r.Add(strings.TrimPrefix(l, "/"))
		}
	}
	return r
}

// recallHistory implements golang.org/x/term's History.
type recallHistory struct{ lines []string }

func (r *recallHistory) Add(l string) {
	if l == "" || len(r.lines) > 0 && r.lines[len(r.lines)-1] == l {
		return
	}
	r.lines = append(r.lines, l)
	if len(r.lines) > maxHistory {
		r.lines = r.lines[1:]
	}
}
func (r *recallHistory) Len() int          { return len(r.lines) }
func (r *recallHistory) At(idx int) string { return r.lines[len(r.lines)-1-idx] }
