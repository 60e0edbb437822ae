package session

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// BenchmarkRunVMMEM is a whole run of procs/vmmem.proc as `sdfp run`
// does it, minus the process start: open and lock the workdir (a real
// directory, so the cost of replacing LST.VMMEM on the host file system
// counts), build the session on the default installation, run, close. It is the
// Go-level figure behind the end-to-end start-up time in README.
func BenchmarkRunVMMEM(b *testing.B) { benchRunVMMEM(b, nil) }

// benchRunVMMEM runs vmmem.proc b.N times in one workdir; around, when
// not nil, gives the session its file system and is called again when
// the run has ended (the world's start and save).
func benchRunVMMEM(b *testing.B, around func(root *RootFS, s *Session) afero.Fs) {
	src, err := os.ReadFile("../../../procs/vmmem.proc")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		root, err := OpenRoot(dir)
		if err != nil {
			b.Fatal(err)
		}
		if err := root.Lock(LockExclusive, nil); err != nil {
			b.Fatal(err)
		}
		root.RemoveStale()
		var fsys afero.Fs = root
		if around != nil {
			fsys = around(root, nil)
		}
		s, err := New(Options{FS: fsys, Stdout: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		res := s.RunTasks(context.Background(), []Task{{Name: "vmmem.proc", Source: string(src)}})
		if res[0].Err != nil {
			b.Fatal(res[0].Err)
		}
		if around != nil {
			around(root, s)
		}
		root.Close()
	}
}

// noExchange hides RootFS's Exchange: files are replaced by a rename.
type noExchange struct{ afero.Fs }

// BenchmarkReplaceSyslst: replacing a 2,201-byte file (LST.VMMEM's size)
// on the host file system, three ways: in place (how SYSLST was written
// before: open, write over, truncate, so a crash left a mixed file and a
// hard link was written through), with a rename over the old file (on
// ext4, auto_da_alloc starts writing the new data at once), and with
// dms's swap against the recycled spare (what RootFS does on Linux).
func BenchmarkReplaceSyslst(b *testing.B) {
	data := bytes.Repeat([]byte("% VMS4094 MAIN MEMORY RECONFIGURATION COMPLETED\n"), 2201/48+1)[:2201]
	for _, way := range []string{"in-place", "rename", "exchange"} {
		b.Run(way, func(b *testing.B) {
			root, err := OpenRoot(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer root.Close()
			var fsys afero.Fs = root
			if way == "rename" {
				fsys = noExchange{root}
			}
			for i := 0; i < b.N; i++ {
				if way == "in-place" {
					f, err := root.OpenFile("LST.VMMEM", os.O_CREATE|os.O_WRONLY, 0o644)
					if err != nil {
						b.Fatal(err)
					}
					n, _ := f.Write(data)
					f.Truncate(int64(n))
					f.Close()
					continue
				}
				if err := dms.WriteFile(fsys, "LST.VMMEM", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
