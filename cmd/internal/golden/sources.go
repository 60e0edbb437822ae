package golden

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Source is a file a case puts into the workdir of its run before it
// starts: a procedure section, a file: section, or the procedure file a
// proc-file section names. Coverage uses it to map the file names a run's
// trace reports back to the case's text and to the real file.
type Source struct {
	// Name is the file's name in the run's workdir, as the trace events
	// of the run name it (interp.TraceEvent.Pos.Filename).
	Name string
	// Section is the archive section that holds the file; "" for the file
	// a proc-file section names.
	Section string
	// Path is that real file, as the case's path and the section give it
	// (relative to the working directory when the case path is); "" for a
	// file embedded in the case.
	Path string
	Data []byte
}

// Sources lists the files a case's run starts with, by their workdir
// name. It follows RunWith: first the proc-file, then the .proc and file:
// sections in archive order, a later file of the same name replacing an
// earlier one (TestSourcesMatchRuns holds the two together).
func (c *Case) Sources() (map[string]Source, error) {
	out := map[string]Source{}
	if files, ok, err := c.procFiles(); ok {
		if err != nil {
			return nil, fmt.Errorf("%s: proc-file: %v", c.Path, err)
		}
		for _, f := range files {
			name := filepath.Base(f.path)
			out[name] = Source{Name: name, Path: filepath.Clean(f.path), Data: f.data}
		}
	}
	for _, f := range c.Archive.Files {
		name, isFile := strings.CutPrefix(f.Name, "file:")
		if !procSection(f.Name) && !isFile {
			continue
		}
		if !isFile {
			name = f.Name
		}
		out[name] = Source{Name: name, Section: f.Name, Data: f.Data}
	}
	return out, nil
}
